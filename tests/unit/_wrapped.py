"""Running text as an extraction wraps it, shared by the repair tests."""
from __future__ import annotations


def wrapped_paragraph(sentence: str, column: int = 20) -> str:
    """A paragraph as the extraction gives it: printed lines of `column`
    characters (two-character indent on the first) joined by spaces."""
    first = column - 2
    parts = [sentence[:first]] + [sentence[i : i + column] for i in range(first, len(sentence), column)]
    return " ".join(parts)


BODY = (
    "常委会坚持围绕中心、服务大局，紧扣全区中心工作和人民群众期盼，坚持正确监督、有效监督，"
    "确保监督工作更有强度、更具实效，推动各项工作任务落实见效，为建设经济强区凝聚合力。"
)
