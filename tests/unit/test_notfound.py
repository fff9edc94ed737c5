"""The 404 page's links work at any host path: made relative to the site root."""

from build_scripts.notfound import relative_links


def test_404_links_become_root_relative_and_scripts_keep_their_slashes():
    page = '<link href="/assets/a.css"><script>var s="/search/search.js";x.split("/");r=/"/g,"%22"</script><a href="/.">'
    assert relative_links(page) == '<link href="assets/a.css"><script>var s="search/search.js";x.split("/");r=/"/g,"%22"</script><a href=".">'
    assert relative_links('<a href="/yb/guide/">', "https://h.example/yb/") == '<a href="guide/">'
