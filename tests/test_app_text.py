"""Transcript text on screen: never markup, never a control sequence, wide text wrapped
whole, and a 300-exchange briefing opened without wrapping all of it first."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reader_samples import long_briefing
from rich.cells import cell_len
from textual.app import App, ComposeResult

from tui.widgets.qa_document import briefing_document
from tui.widgets.qa_view import FIRST_STEP, QAView

if TYPE_CHECKING:
    from conftest import Reader, ViewText


HOSTILE = "[bold red]red[/] <b>b</b> \x1b]0;pwned\x07 \x1b]52;c;ZXZpbA==\x07 \x9b2J \x1b[31m"


def hostile_briefing() -> dict[str, Any]:
    return {
        "title": f"Title {HOSTILE}",
        "date": "2021-01-01",
        "organizer": "[link=https://evil.example]Office[/link]",
        "speakers": [{"name": "Spokesperson", "role": "[i]role[/i]"}],
        "exchanges": [
            {
                "question": {"by": "[bold]Outlet[/]", "text": f"Q {HOSTILE}"},
                "answers": [{"by": "Spokesperson", "text": f"A {HOSTILE}"}],
            }
        ],
    }


CHINESE = {
    "title": "上海市服务国家“一带一路”建设发挥桥头堡作用行动方案新闻发布会",
    "date": "2017-10-11",
    "language": "zh-Hans",
    "organizer": "上海市人民政府新闻办公室",
    "speakers": [{"name": "李军", "role": "上海市金融服务办公室副主任"}],
    "exchanges": [
        {
            "question": {"by": "第一财经", "text": "请问在金融方面有哪些考虑？"},
            "answers": [
                {
                    "by": "李军",
                    "text": "谢谢你的提问。金融服务是“一带一路”建设的重要方面，"
                    "我们采取了以下三项措施，使上海能够发挥国际金融中心的功能和作用。" * 3,
                }
            ],
        }
    ],
}


def painted(strips: list[Any]) -> str:
    return "".join(segment.text for strip in strips for segment in strip)


async def test_markup_and_escape_sequences_show_as_characters(
    reader: Reader, view_text: ViewText
) -> None:
    async with reader({"hostile": hostile_briefing()}) as (app, _pilot, screen):
        text = view_text(screen.qa)
        for char in ("\x1b", "\x07", "\x9b"):
            assert char not in text
        assert "A [bold red]red[/] <b>b</b> ␛]0;pwned␇ ␛]52;c;ZXZpbA==␇ \ufffd2J ␛[31m" in text
        assert "QUESTION q1 · [bold]Outlet[/]" in text
        assert "Spokesperson, [i]role[/i]" in text
        assert "[link=https://evil.example]Office[/link]" in text
        row = view_text(screen.briefing_list)
        assert "Title [bold red]red[/]" in row
        assert "\x1b" not in row
        assert app.title == "briefing"
        assert app.clipboard == ""


async def test_chinese_text_wraps_without_splitting_or_losing_characters(
    reader: Reader,
    view_text: ViewText,
) -> None:
    async with reader({"zh": CHINESE}, size=(80, 24)) as (_app, pilot, screen):
        screen.qa.focus()
        width = screen.qa.scrollable_content_region.width
        lines: list[str] = []
        for _ in range(6):
            lines += view_text(screen.qa).splitlines()
            await pilot.press(*["j"] * 20)
        for line in lines:
            assert cell_len(line) <= width
        answer = CHINESE["exchanges"][0]["answers"][0]["text"]
        body = [line.strip(" ▌") for line in lines if line.startswith("▌   ")]
        joined = "".join(dict.fromkeys(body))  # lines seen twice while scrolling count once
        assert joined == answer
        assert len(body) > 3  # it did wrap
        assert "QUESTION q1 · 第一财经" in "\n".join(lines)


async def test_a_300_exchange_briefing_opens_before_it_is_all_wrapped(
    reader: Reader, view_text: ViewText
) -> None:
    briefing = long_briefing(300, 10)
    async with reader({"long": briefing}) as (_app, pilot, screen):
        qa = screen.qa
        doc = qa.document
        assert doc is not None
        assert len(doc.blocks) > 6000
        assert len(qa.answers) == 300
        qa.show(briefing_document(screen.briefing, None))  # type: ignore[arg-type]
        # only the top is wrapped before the first paint; the rest follows between frames
        assert qa.wrapped_blocks == FIRST_STEP
        assert "A very long briefing" in view_text(qa)
        for _ in range(100):
            if qa.laid_out:
                break
            await pilot.pause(0.05)
        assert qa.laid_out
        qa.focus()
        await pilot.press("G")
        # G selects the last answer (the selection follows the view): its bar is drawn
        last_line = view_text(qa).rstrip().splitlines()[-1].lstrip("▌").strip()
        assert qa.cursor_ref == qa.answers[-1]
        assert briefing["exchanges"][-1]["answers"][0]["text"].endswith(last_line)
        assert qa.scroll_offset.y == qa.max_scroll_y > 1000
        await pilot.press("g")
        assert "A very long briefing" in view_text(qa)


async def test_p_and_n_across_a_long_briefing_keep_the_answer_on_screen(
    reader: Reader, view_text: ViewText
) -> None:
    async with reader({"long": long_briefing(300, 3)}, size=(80, 24)) as (
        _app,
        pilot,
        screen,
    ):
        qa = screen.qa
        qa.select("long#q250.a1")
        await pilot.pause()
        assert "ANSWER q250.a1 · Spokesperson" in view_text(qa)
        await pilot.press("n")
        await pilot.pause()
        assert qa.cursor_ref == "long#q251.a1"
        assert "ANSWER q251.a1" in view_text(qa)
        await pilot.press("p", "p")
        await pilot.pause()
        assert qa.cursor_ref == "long#q249.a1"
        assert "ANSWER q249.a1" in view_text(qa)


class MessageApp(App[None]):
    def compose(self) -> ComposeResult:
        yield QAView()


LONG_MESSAGE = (
    "This briefing could not be loaded: /archive/2019/a-very-long-folder-name/briefing.yaml"
    ":12:3: unknown speaker 'Spokesperson Wang', known: Hua Chunying, Geng Shuang, Lu Kang"
)


async def test_a_message_wraps_at_the_pane_width_and_rewraps_on_resize(
    view_text: ViewText,
) -> None:
    app = MessageApp()
    async with app.run_test(size=(50, 12)) as pilot:
        view = app.query_one(QAView)
        view.show_message(LONG_MESSAGE)
        await pilot.pause()
        width = view.scrollable_content_region.width
        lines = [line for line in view_text(view).splitlines() if line.strip()]
        assert len(lines) > 1
        assert all(cell_len(line) <= width for line in lines)
        assert "".join(lines).replace(" ", "") == LONG_MESSAGE.replace(" ", "")
        await pilot.resize_terminal(120, 12)
        await pilot.pause()
        wide = [line for line in view_text(view).splitlines() if line.strip()]
        assert len(wide) < len(lines)
        assert "".join(wide).replace(" ", "") == LONG_MESSAGE.replace(" ", "")
