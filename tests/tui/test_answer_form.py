"""The answer form on its own: typing years, picking choices, with keys and the mouse.

The form keeps the focus for every kind of question and passes keys on to its years
box or its list of choices; these tests drive it as a person would and check the
answer it sends up (or the message it shows).
"""

from __future__ import annotations

from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Static

from baokao.model.facts import LEVEL_CHOICES, YES_NO, Answer, Question
from baokao.tui.widgets.answer_form import AnswerForm
from baokao.tui.widgets.choice_list import ChoiceList
from baokao.tui.widgets.years_field import YearsField

YEARS = Question("years_this", "years", "您累计从事本职业工作多少年？", "help", max_years=60)
CERT = Question("cert_this", "choice", "证书最高是哪一级？", "help", choices=LEVEL_CHOICES)
TRAINED = Question("trained", "yesno", "是否经过正规培训？", "help", choices=YES_NO)


class FormApp(App[None]):
    """One answer form, and the answers it sent."""

    def __init__(self, question: Question, current: Answer | None = None) -> None:
        """Ask ``question``, offering ``current``."""
        super().__init__()
        self.question, self.current = question, current
        self.answers: list[Answer] = []

    def compose(self) -> ComposeResult:
        """The form alone."""
        yield AnswerForm(self.question, self.current)

    def on_answer_form_answered(self, message: AnswerForm.Answered) -> None:
        """Keep the answer."""
        self.answers.append(message.value)


def form_of(app: FormApp) -> AnswerForm:
    """The form under test."""
    return app.query_one(AnswerForm)


def error_of(app: FormApp) -> str:
    """The message under the years box."""
    return str(app.query_one("#form-error", Static).render())


async def test_years_are_typed_and_sent_with_enter() -> None:
    app = FormApp(YEARS)
    async with app.run_test() as pilot:
        assert app.focused is form_of(app)
        await pilot.press("2", ".", "5", "enter")
        await pilot.pause()
        assert app.answers == [2.5]


async def test_a_typo_is_explained_and_mended_with_backspace() -> None:
    app = FormApp(YEARS)
    async with app.run_test() as pilot:
        await pilot.press("3", "x")
        await pilot.pause()
        assert "数字" in error_of(app)
        await pilot.press("enter")
        await pilot.pause()
        assert app.answers == []  # nothing sent, the message stays
        await pilot.press("backspace")
        await pilot.pause()
        assert error_of(app) == ""
        await pilot.press("enter")
        await pilot.pause()
        assert app.answers == [3.0]


async def test_too_many_years_are_refused_with_the_bound() -> None:
    app = FormApp(YEARS)
    async with app.run_test() as pilot:
        await pilot.press("7", "0", "enter")
        await pilot.pause()
        assert app.answers == [] and "60" in error_of(app)


async def test_an_offered_answer_is_replaced_by_typing_or_extended_after_end() -> None:
    app = FormApp(YEARS, 10.0)
    async with app.run_test() as pilot:
        field = app.query_one(YearsField)
        assert field.value == "10" and field.selected
        await pilot.press("7")
        assert field.value == "7"
        field.offer("10")
        await pilot.press("end", "backspace", "2", "enter")
        await pilot.pause()
        assert app.answers == [12.0]


async def test_cursor_keys_move_and_delete_in_the_middle() -> None:
    app = FormApp(YEARS)
    async with app.run_test() as pilot:
        field = app.query_one(YearsField)
        await pilot.press("1", "2", "3", "home", "delete")
        assert (field.value, field.cursor) == ("23", 0)
        await pilot.press("right", "4", "left", "left", "backspace")
        assert field.value == "243"
        await pilot.press("end", "ctrl+u")
        assert field.value == ""


async def test_full_width_digits_and_a_pasted_number_with_nian_are_read() -> None:
    app = FormApp(YEARS)
    async with app.run_test() as pilot:
        await pilot.press("３", "enter")
        await pilot.pause()
        app.query_one(YearsField).offer("")
        form_of(app).post_message(events.Paste("4 年\n"))
        await pilot.pause()
        assert app.query_one(YearsField).value == "4年"
        await pilot.press("enter")
        await pilot.pause()
        assert app.answers == [3.0, 4.0]


async def test_a_choice_is_picked_by_its_key() -> None:
    app = FormApp(CERT)
    async with app.run_test() as pilot:
        assert app.focused is form_of(app)
        await pilot.press("4")
        await pilot.pause()
        assert app.answers == ["4"]


async def test_arrows_and_enter_pick_the_highlighted_choice() -> None:
    app = FormApp(CERT)
    async with app.run_test() as pilot:
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        await pilot.press("end", "up", "enter")
        await pilot.pause()
        assert app.answers == [LEVEL_CHOICES[2].value, LEVEL_CHOICES[-2].value]


async def test_an_offered_choice_is_highlighted_and_y_n_answer_yes_no() -> None:
    app = FormApp(TRAINED, "no")
    async with app.run_test() as pilot:
        assert app.query_one(ChoiceList).highlighted == 1
        await pilot.press("y")
        await pilot.pause()
        assert app.answers == ["yes"]


async def test_a_click_picks_a_choice_and_leaves_the_focus_on_the_form() -> None:
    app = FormApp(CERT)
    async with app.run_test() as pilot:
        await pilot.click(ChoiceList, offset=(4, 3))  # border, then 没有, 五级, 四级
        await pilot.pause()
        assert app.answers == ["4"]
        assert app.focused is form_of(app)


async def test_letters_typed_on_a_choice_question_do_nothing() -> None:
    app = FormApp(CERT)
    async with app.run_test() as pilot:
        await pilot.press("x", "9", "space")
        await pilot.pause()
        assert app.answers == []


class ListApp(App[None]):
    """One choice list in a box of a given size, and what was picked."""

    CSS = "ChoiceList { width: 30; max-height: 6; }"

    def __init__(self, items: list[tuple[str, str, str]]) -> None:
        """Show ``items``."""
        super().__init__()
        self.items = items
        self.picked: list[str] = []

    def compose(self) -> ComposeResult:
        """The list alone."""
        yield ChoiceList()

    def on_mount(self) -> None:
        """Fill the list."""
        self.query_one(ChoiceList).set_items(self.items)

    def on_choice_list_selected(self, message: ChoiceList.Selected) -> None:
        """Keep the value picked."""
        self.picked.append(message.value)


def lines_of(app: ListApp) -> list[str]:
    """The text lines the list shows."""
    return str(app.query_one(ChoiceList).render()).splitlines()


async def test_a_long_label_wraps_under_itself_and_a_click_on_its_second_line_picks_it() -> None:
    long = "在校应届毕业生（今年毕业，尚未取得毕业证书）"
    app = ListApp([("1", "graduated", "已毕业"), ("2", "graduating", long)])
    async with app.run_test() as pilot:
        lines = lines_of(app)
        assert lines[0].startswith("1  已毕业")
        assert lines[1].startswith("2  在校") and lines[2].startswith("   ")
        assert "".join(line.strip() for line in lines[1:]).endswith("毕业证书）")
        await pilot.click(ChoiceList, offset=(6, 3))  # border, 已毕业, then the 2nd line of 2
        await pilot.pause()
        assert app.picked == ["graduating"]


async def test_a_list_taller_than_its_box_keeps_the_highlighted_choice_in_view() -> None:
    items = [(str(n), f"v{n}", f"第 {n} 项") for n in range(1, 10)]
    app = ListApp(items)
    async with app.run_test() as pilot:
        assert len(lines_of(app)) == 4  # max-height 6 less the border
        choices = app.query_one(ChoiceList)
        for _ in range(6):
            choices.action_cursor_down()
        await pilot.pause()
        assert any("第 7 项" in line for line in lines_of(app))
        choices.action_select()
        await pilot.pause()
        assert app.picked == ["v7"]
