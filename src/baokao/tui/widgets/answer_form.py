"""The answer part of a question: typed years, numbered choices, or yes/no.

One widget for the three kinds of question, so that the question screen and the
"change an answer" dialog behave the same. It is keyboard-first: number keys pick a
choice, Y and N answer yes/no, and years are typed into a box that checks them as
they are typed (a clear message under the box, never a crash). The mouse works too.

The form itself holds the focus, for every kind of question, and passes the keys on:
to the years box, or to the list of choices (arrows, Enter). A focus that moved
between a text box and a list with the kind of question restyled both and repainted
the whole screen on every answer; see :mod:`baokao.tui.widgets.years_field`.

The form only reads the keyboard; the screen that holds it decides whether the answer
is accepted (the session has the last word) and calls :meth:`AnswerForm.show_error`
when it is not. Answers go up as :class:`AnswerForm.Answered`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from baokao.i18n import N_, _, translate
from baokao.model.keys import NONE, by_level
from baokao.model.keys import choice_keys as keys_of_choices
from baokao.session import AnswerError, check_years, fmt_years
from baokao.tui.widgets.choice_list import ChoiceList
from baokao.tui.widgets.years_field import YearsField

if TYPE_CHECKING:
    from baokao.session import Answer, Question

#: The keys that pick the 1st, 2nd … line of a list (of answers): 1–9, 0, then letters
#: (not Y and N). Choices of a question are keyed by :mod:`baokao.model.keys`.
CHOICE_KEYS = (*"1234567890", *"abcdefghijklmopqrstuvwxz")
YES_NO_KEYS = {"yes": "y", "no": "n"}


def parse_years(text: str, low: float = 0.0, high: float | None = None) -> float | str:
    """Read a typed number of years with the core's reader (:func:`check_years`).

    Returns:
        The number of years, or the core's message (in the UI's language) saying what is
        wrong with the text.
    """
    try:
        return check_years(text, low, high)
    except AnswerError as exc:
        return str(exc)


def choice_keys(question: Question) -> list[tuple[str, str, str]]:
    """``(key, value, label)`` for each choice of a choice or yes/no question."""
    if question.kind == "yesno":
        choices = question.choices or ()
        pairs = [(c.value, translate(c.label)) for c in choices] or [
            ("yes", _("是")),
            ("no", _("否")),
        ]
        return [(YES_NO_KEYS.get(v, ""), v, label) for v, label in pairs]
    keys = keys_of_choices(question.choices)
    return [(k, c.value, translate(c.label)) for k, c in zip(keys, question.choices, strict=True)]


#: Keys for the list of choices, and the list's actions they run.
LIST_KEYS = {
    "up": "cursor_up",
    "down": "cursor_down",
    "home": "first",
    "end": "last",
    "enter": "select",
}


class AnswerForm(Vertical, can_focus=True):
    """Answer one question with the keyboard (or the mouse)."""

    DEFAULT_CSS = """
    AnswerForm {
        height: auto;
        max-height: 100%;
    }
    /* The form has the focus for its box and its list: they look focused with it. */
    AnswerForm:focus YearsField, AnswerForm:focus ChoiceList {
        border: tall $border;
        background-tint: $foreground 5%;
    }
    AnswerForm:focus ChoiceList > .choice-list--highlighted {
        color: $block-cursor-foreground;
        background: $block-cursor-background;
        text-style: $block-cursor-text-style;
    }
    AnswerForm #form-error {
        color: $error;
        height: auto;
        min-height: 1;
    }
    AnswerForm #form-hint {
        color: $text-muted;
    }
    """

    class Answered(Message):
        """An answer was given: years as a float, else the choice value."""

        def __init__(self, question_id: str, value: Answer) -> None:
            """Carry the question id and the value."""
            self.question_id = question_id
            self.value = value
            super().__init__()

    def __init__(
        self, question: Question | None, current: Answer | None = None, *, id: str | None = None
    ) -> None:
        """Build the form for ``question``, showing ``current`` as the answer so far.

        Without a question (a question screen built ahead of its first interview), the
        form is built but empty, and takes no keys until :meth:`ask` gives it one.
        """
        super().__init__(id=id)
        self.question = question
        self.current = current
        self._keys: dict[str, str] = {}
        self._shown: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        """Both a years box and a list of choices; :meth:`ask` shows the one needed.

        Keeping both and reusing them from one question to the next (instead of
        mounting new widgets) keeps answering fast.
        """
        yield YearsField(_("输入年数，如 3 或 2.5"), id="years")
        yield ChoiceList(id="choices")
        yield Static("", id="form-error")
        yield Static("", id="form-hint")

    def on_mount(self) -> None:
        """Show the first question."""
        if self.question is not None:
            self.ask(self.question, self.current)

    def ask(self, question: Question, current: Answer | None = None) -> None:
        """Show ``question``, with ``current`` filled in (or highlighted), and focus it."""
        self.question, self.current = question, current
        self._keys = {k: v for k, v, _ in choice_keys(question) if k}
        years = self.query_one(YearsField)
        choices = self.query_one(ChoiceList)
        is_years = question.kind == "years"
        years.display, choices.display = is_years, not is_years
        self.show_error("")
        if is_years:
            years.offer(fmt_years(current) if isinstance(current, float | int) else "")
            hint = N_("输入年数后按回车")
        else:
            keyed = choice_keys(question)
            upper = question.kind == "yesno"  # Y and N, as on the keyboard
            items = [((k.upper() if upper else k) or " ", v, label) for k, v, label in keyed]
            values = [v for _, v, _ in keyed]
            choices.set_items(items, values.index(current) if current in values else 0)
            if question.kind == "yesno":
                hint = N_("按 Y 表示是，按 N 表示否")
            elif by_level(question.choices):  # keyed by level (see baokao.model.keys)
                hint = N_("按证书等级的数字选择（4 = 四级），0 = 没有；或用 ↑↓ 和回车")
            elif NONE in values:
                hint = N_("按数字键选择，0 = 没有；或用 ↑↓ 和回车")
            else:
                hint = N_("按数字键选择，或用 ↑↓ 和回车")
        self._update("#form-hint", _(hint))
        self.focus_answer()

    def _update(self, selector: str, text: str) -> None:
        """Show ``text`` (plain, never markup) in a line of the form, if it changed.

        Updating a ``Static`` lays the screen out again, even with the same text; the
        error line is cleared on every key typed into the years box.
        """
        if self._shown.get(selector) != text:
            self._shown[selector] = text
            self.query_one(selector, Static).update(Content(text))

    def focus_answer(self) -> None:
        """Take the focus: the next key is for this form.

        Only when it is elsewhere: ``focus()`` repaints the whole form even when it
        has the focus already, as it has from one question to the next.
        """
        if not self.has_focus:
            self.focus()

    def show_error(self, message: str) -> None:
        """Show why an answer was not accepted (plain text, never markup)."""
        self._update("#form-error", message)

    def on_key(self, event: events.Key) -> None:
        """Years go to the box; number keys pick a choice, Y and N answer yes/no.

        Enter answers with the years typed, or with the highlighted choice; the arrow
        keys, Home and End move through the choices.
        """
        if self.question is None:
            return
        if self.question.kind == "years":
            if event.key == "enter":
                self._submit_years()
            elif not self.query_one(YearsField).edit(event):
                return
        elif (action := LIST_KEYS.get(event.key)) is not None:
            getattr(self.query_one(ChoiceList), f"action_{action}")()
        else:
            value = self._keys.get((event.character or "").lower())
            if value is None:
                return
            self._answer(value)
        event.stop()
        event.prevent_default()

    def on_paste(self, event: events.Paste) -> None:
        """Pasted text goes into the years box."""
        if self.question is not None and self.question.kind == "years":
            event.stop()
            self.query_one(YearsField).insert(event.text)

    @on(YearsField.Changed, "#years")
    def _years_changed(self, event: YearsField.Changed) -> None:
        event.stop()
        text = event.value.strip()
        checked = parse_years(text, self._asked.min_years, self._asked.max_years)
        self.show_error(checked if text and isinstance(checked, str) else "")

    def _submit_years(self) -> None:
        typed = self.query_one(YearsField).value
        checked = parse_years(typed, self._asked.min_years, self._asked.max_years)
        if isinstance(checked, str):
            self.show_error(checked)
        else:
            self._answer(checked)

    @on(ChoiceList.Selected, "#choices")
    def _choice_selected(self, event: ChoiceList.Selected) -> None:
        event.stop()
        self._answer(event.value)

    def _answer(self, value: Answer) -> None:
        self.post_message(self.Answered(self._asked.id, value))

    @property
    def _asked(self) -> Question:
        """The question shown: there is one whenever there is a field to type or pick in
        (a form built without one, ahead, has neither)."""
        assert self.question is not None
        return self.question
