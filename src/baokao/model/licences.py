"""Driving licence classes (准驾车型) and what each class also lets its holder drive.

Classes are not a ladder: A1 covers A3, B1 and B2 but not A2; B1 and B2 cover neither
each other. A requirement such as "持有C1照以上机动车驾驶证" is therefore read as the set
of classes whose holder may drive a C1 vehicle: the class itself and every class that
covers it, from the table of 《机动车驾驶证申领和使用规定》 (公安部令第162号, 附件1
"准驾车型及代号", 准予驾驶的其他准驾车型). ``docs/interpretation.md`` writes the reading
down for counsellors.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, get_args

from baokao.i18n import N_

LicenceClass = Literal[
    "A1", "A2", "A3", "B1", "B2", "C1", "C2", "C3", "C4", "C5", "C6", "D", "E", "F", "M", "N", "P"
]
LICENCE_CLASSES: tuple[LicenceClass, ...] = get_args(LicenceClass)

#: 准予驾驶的其他准驾车型: the classes a licence of each class also covers.
COVERS: dict[LicenceClass, tuple[LicenceClass, ...]] = {
    "A1": ("A3", "B1", "B2", "C1", "C2", "C3", "C4", "M"),
    "A2": ("B1", "B2", "C1", "C2", "C3", "C4", "C6", "M"),
    "A3": ("C1", "C2", "C3", "C4"),
    "B1": ("C1", "C2", "C3", "C4", "M"),
    "B2": ("C1", "C2", "C3", "C4", "M"),
    "C1": ("C2", "C3", "C4"),
    "C2": (),
    "C3": ("C4",),
    "C4": (),
    "C5": (),
    "C6": (),
    "D": ("E", "F"),
    "E": ("F",),
    "F": (),
    "M": (),
    "N": (),
    "P": (),
}

#: The vehicle each class is named for (准驾车型), as a choice shows it.
NAMES: dict[LicenceClass, str] = {
    "A1": N_("大型客车"),
    "A2": N_("牵引车"),
    "A3": N_("城市公交车"),
    "B1": N_("中型客车"),
    "B2": N_("大型货车"),
    "C1": N_("小型汽车"),
    "C2": N_("小型自动挡汽车"),
    "C3": N_("低速载货汽车"),
    "C4": N_("三轮汽车"),
    "C5": N_("残疾人专用小型自动挡载客汽车"),
    "C6": N_("轻型牵引挂车"),
    "D": N_("普通三轮摩托车"),
    "E": N_("普通二轮摩托车"),
    "F": N_("轻便摩托车"),
    "M": N_("轮式专用机械车"),
    "N": N_("无轨电车"),
    "P": N_("有轨电车"),
}


def accepting(required: Iterable[LicenceClass]) -> tuple[LicenceClass, ...]:
    """Every class whose holder may drive one of ``required`` (the class itself, or a
    class that covers it), in the table's order."""
    wanted = set(required)
    return tuple(c for c in LICENCE_CLASSES if c in wanted or wanted & set(COVERS[c]))
