"""The user's language, for every layer: gettext catalogues with Chinese as the source.

Every text a user reads is written in the code in Chinese, the language of the rules and
of most users, and marked with :func:`_` (or :func:`ngettext` where a number decides the
form, :func:`N_` where the text is translated later, e.g. in a class attribute). The
English catalogue ``locale/en/LC_MESSAGES/baokao.po`` translates them; babel extracts
(``make catalogues``) and compiles them. The compiled ``.mo`` is committed beside the
``.po`` so that a fresh clone and an installed wheel work with no build step, and a test
checks that it is current and complete (tests/unit/test_i18n.py).

The language is one setting for the process (the UI and ``check`` run one language at a
time), chosen with :func:`set_lang` from ``--lang``. Rule texts are never translated: they
are the official wording the candidate is held to. This module imports no UI library, so
core modules (checking, report, compiler wording) use it as well.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Literal, get_args

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = get_args(Lang)
DOMAIN = "baokao"

_translation: gettext.NullTranslations = gettext.NullTranslations()
#: Each :func:`T_` template, with the regular expression that finds its fields (as text:
#: it is compiled only when a text is translated, which Chinese never needs).
_templates: dict[str, str] = {}
_compiled: dict[str, re.Pattern[str]] = {}
_current: Lang = "zh"


def locale_dir() -> Path:
    """The folder of the catalogues (``<lang>/LC_MESSAGES/baokao.mo``) inside the package."""
    from importlib.resources import files  # (only for a language other than Chinese)

    return Path(str(files("baokao") / "locale"))


def set_lang(lang: Lang) -> None:
    """Choose the language of every later :func:`_` and :func:`ngettext` in this process.

    Args:
        lang: ``"zh"`` (the texts as written) or ``"en"`` (the English catalogue).

    Raises:
        FileNotFoundError: The catalogue of ``lang`` is missing from the package.
    """
    global _translation, _current
    if lang == "zh":
        _translation = gettext.NullTranslations()
    else:
        _translation = gettext.translation(DOMAIN, locale_dir(), languages=[lang])
    _current = lang


def get_lang() -> Lang:
    """The language in use."""
    return _current


def _(message: str) -> str:
    """``message`` (written in Chinese) in the language in use."""
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: float) -> str:
    """The form of a text that fits the number ``n`` (``1 result``, ``2 results``, ``2.5 years``).

    Chinese has one form, so both arguments are usually the same Chinese text; the English
    catalogue gives the two English forms. A fraction takes the plural form.
    """
    count = int(n) if float(n).is_integer() else 2
    return _translation.ngettext(singular, plural, count)


def T_(template: str, **values: Iterable[str]) -> str:
    """Mark a text with ``{fields}`` that the core fills in Chinese and the UI shows later.

    The core keeps writing Chinese (its texts are stored, compared and cached); the
    filled-in text is translated where it is shown, by :func:`translate`, which finds the
    template it was made from. Where two fields touch (``{scope}{name}``), name the
    values one of them takes (``scope=("本职业", "相关职业")``) so the text splits one way.

    Returns:
        ``template`` unchanged, for ``.format``.
    """
    if template not in _templates:
        parts = re.split(r"\{(\w+)\}", template)
        seen: set[str] = set()
        regex = []
        for i, part in enumerate(parts):
            if i % 2 == 0:
                regex.append(re.escape(part))
            elif part in seen:
                regex.append(f"(?P={part})")
            else:
                known = sorted(values.get(part, ()), key=len, reverse=True)
                body = "|".join(map(re.escape, known)) if known else ".+?"
                regex.append(f"(?P<{part}>{body})")
                seen.add(part)
        _templates[template] = "".join(regex)
    return template


def translate(text: str) -> str:
    """A text made by the core (a message, or a :func:`T_` template filled in), in the
    language in use. The fields are translated too; a field no catalogue entry matches
    is official text quoted from the rules, and is shown verbatim in quotation marks."""
    if _current == "zh" or not text:
        return text
    if "\n" in text:  # a text of several lines (a question's help): line by line
        return "\n".join(translate(line) for line in text.split("\n"))
    done = _translation.gettext(text)
    if done != text:
        return done
    for template, source in sorted(_templates.items(), key=lambda t: -len(t[1])):
        pattern = _compiled.get(template)
        if pattern is None:
            pattern = _compiled[template] = re.compile(source, re.S)
        found = pattern.fullmatch(text)
        if found:
            fields = {k: _quoted(v, translate(v)) for k, v in found.groupdict().items()}
            return _(template).format(**fields)
    if "；" in text:  # a list of conditions: each one on its own
        return _("；").join(translate(part) for part in text.split("；"))
    return text


def _quoted(original: str, translated: str) -> str:
    """A field left in Chinese is official text quoted from the rules: mark it as a quote."""
    # (A test of each character: compiling a regular expression of that range of Han
    # characters took milliseconds at every start, in every language.)
    if translated == original and any("\u3400" <= ch <= "\u9fff" for ch in original):
        return f"“{original}”"
    return translated


def listing(items: Iterable[object]) -> str:
    """Items joined as a list is written in the language in use (``3、4`` or ``3, 4``)."""
    return _("、").join(str(item) for item in items)


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue without translating it yet (translate it with
    :func:`_` where it is shown, once the language is known)."""
    return message
