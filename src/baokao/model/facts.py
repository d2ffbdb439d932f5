"""The fact registry: every fact a route can depend on, declared once.

Modelled on OpenFisca's ``Variable``, which holds a fact's type, label and legal
reference together: each :class:`FactSpec` holds a fact's id and type (years; a choice;
yes/no), its question, help and choices, what must be known before it is asked, the
count of years it reveals and the profile contract field it fills. Its years part,
:mod:`baokao.model.quantities`, declares the counts the routes compare (``T``, ``TT`` …),
their consistency rules and report labels. The evaluator, the compiler, the session,
the reports and the slip read them here. A question asks one fact of the contract (or a
part of one), so the answers of any path build a profile and the evaluator stays the
judge; the wording lives apart from the logic that decides *when* to ask.
``docs/adding-a-condition.md`` says how to add a kind of condition.
"""

from __future__ import annotations

from baokao.i18n import N_, T_
from baokao.model.factspec import (
    YES_NO,
    Answer,
    AnswerError,
    Choice,
    FactSpec,
    Question,
    QuestionKind,
)
from baokao.model.held import HELD_FACTS
from baokao.model.levels import LEVEL_LABELS
from baokao.model.schools import SCHOOL_KINDS

__all__ = [
    "YES_NO",
    "Answer",
    "AnswerError",
    "Choice",
    "FactSpec",
    "Question",
    "QuestionKind",
]

LEVEL_CHOICES = (
    Choice("none", N_("没有")),
    *(Choice(str(n), LEVEL_LABELS[n], n) for n in (5, 4, 3, 2, 1)),
)
SCHOOL_LABELS = {
    "中等职业学校": N_("中等职业学校（中专、职高）"),
    "技工学校": N_("技工学校"),
    "高级技工学校": N_("高级技工学校"),
    "技师学院": N_("技师学院"),
    "高等职业学校": N_("高等职业学校（职业技术学院）"),
    "大学专科": N_("大学专科（大专）"),
    "大学本科": N_("大学本科"),
    "硕士研究生": N_("硕士研究生"),
    "博士研究生": N_("博士研究生"),
    "高中": N_("普通高中"),
    "初中": N_("初中"),
}
SCHOOL_CHOICES = (
    Choice("none", N_("以上都没有")),
    *(Choice(k, SCHOOL_LABELS[k]) for k in SCHOOL_KINDS),
)
FIELD_LABELS = {
    "医学": N_("医学类"),
    "食品": N_("食品类"),
    "医药卫生": N_("医药卫生类"),
    "中医": N_("中医类"),
    "针灸推拿": N_("针灸推拿类"),
    "骨伤": N_("骨伤类"),
    "心理学": N_("心理学类"),
    "教育学": N_("教育学类"),
    "药学": N_("药学类"),
    "学前教育": N_("学前教育类（幼师）"),
}

_YEARS_AFTER_WHY = N_(
    "“取得…证书后，累计/连续从事本职业工作N年”按取得该证书之后的工作年限计算，"
    "不超过您从事本职业的总年限。"
)


_THIS = T_("本职业 {level}", level=LEVEL_LABELS.values())
_RELATED = T_("相关职业 {level}", level=LEVEL_LABELS.values())
ANY_CERT_CHOICES = (
    Choice("none", N_("没有")),
    *(Choice(f"this:{n}", _THIS.format(level=LEVEL_LABELS[n]), n) for n in (5, 4, 3, 2, 1)),
    *(
        Choice(f"related:{n}", _RELATED.format(level=LEVEL_LABELS[n]), n, True)
        for n in (5, 4, 3, 2, 1)
    ),
)


#: The certificate questions: their answers name a level (see :func:`cert_level`).
CERT_FACTS = ("cert_any", "cert_this", "cert_related")


def cert_level(value: str) -> int | None:
    """The level a certificate answer names (``"4"``, ``"related:4"``), ``None`` for none."""
    return None if value == "none" else int(value.rpartition(":")[2])


def cert_occupation(fact: str, value: str) -> str:
    """Whether a certificate answer is of this occupation or a related one."""
    if fact == "cert_any":
        return value.partition(":")[0]
    return "this" if fact == "cert_this" else "related"


_HIGHEST = T_(
    N_("您已取得的{name}的职业资格证书（技能等级证书），最高是哪一级？"),
    name=("本职业或相关职业", "本职业", "相关职业"),
)


def _cert_facts(scope: str, name: str) -> tuple[FactSpec, ...]:
    cert = f"cert_{scope}"
    related = scope == "related"
    return (
        FactSpec(
            cert,
            "choice",
            _HIGHEST.format(name=name),
            N_(
                "高等级证书可以满足对低等级证书的要求（例如四级证书满足“五级及以上”）。"
                "旧称对照：初级=五级，中级=四级，高级=三级，技师=二级，高级技师=一级。"
            ),
            ANY_CERT_CHOICES if scope == "any" else LEVEL_CHOICES,
            field="certificates[].level",
        ),
        FactSpec(
            f"{cert}_years_after",
            "years",
            N_("取得这本相关职业证书后，您从事本职业工作累计多少年？")
            if related
            else N_("取得这本证书后，您从事本职业工作累计多少年？"),
            _YEARS_AFTER_WHY,
            var="A" + scope[0],
            held=cert,
            field="certificates[].years_after",
        ),
        FactSpec(
            f"{cert}_years_after_related",
            "years",
            N_("取得这本相关职业证书后，您从事相关职业（不含本职业）工作累计多少年？")
            if related
            else N_("取得这本证书后，您从事相关职业（不含本职业）工作累计多少年？"),
            N_(
                "“取得证书后，累计从事本职业或相关职业工作N年”把取得证书后在本职业与相关职业"
                "的年限相加。"
            ),
            var="AA" + scope[0],
            after=f"{cert}_years_after",
            field="certificates[].years_after_related",
        ),
        FactSpec(
            f"{cert}_continuous",
            "yesno",
            N_("取得这本相关职业证书后，您的工作是否一直连续、没有中断？")
            if related
            else N_("取得这本证书后，您的工作是否一直连续、没有中断？"),
            N_(
                "“取得证书后，连续从事…N年”要求取得证书后的工作没有中断；中断过的，"
                "需重新连续工作满N年。"
            ),
            YES_NO,
            held=cert,
            field="certificates[].continuous_after",
        ),
    )


FACTS: tuple[FactSpec, ...] = (
    FactSpec(
        "years_this",
        "years",
        N_("您累计从事本职业工作多少年？"),
        N_(
            "累计年限：把从事本职业的各段时间加在一起，中间换过单位或中断过都算。"
            "“N年（含）以上”“N年以上”都包括正好N年。"
        ),
        var="T",
        field="years_this",
    ),
    FactSpec(
        "years_related",
        "years",
        N_("除本职业外，您累计从事相关职业工作多少年？"),
        N_("“累计从事本职业或相关职业工作N年”按本职业年限与相关职业年限之和计算。"),
        var="TT",
        after="years_this",
        field="years_related",
    ),
    FactSpec(
        "years_this_continuous",
        "years",
        N_("您连续（不间断）从事本职业工作，最长的一段有多少年？"),
        N_("“连续从事本职业工作N年以上”只算中间没有中断的一段，取最长的一段；它不会超过累计年限。"),
        var="C",
        field="years_this_continuous",
    ),
    FactSpec(
        "years_continuous_incl_related",
        "years",
        N_("把相关职业也算上，您连续（不间断）从事本职业或相关职业工作，最长的一段有多少年？"),
        N_(
            "“连续从事本职业或相关职业工作N年以上”只算中间没有中断的一段，本职业与相关"
            "职业的工作可以接在一起算。"
        ),
        var="CI",
        field="years_continuous_incl_related",
    ),
    FactSpec(
        "years_trainee_continuous",
        "years",
        N_("您在本职业连续见习工作了多少年？"),
        N_("“在本职业连续见习工作N年”只算连续的见习期，不算其他工作。"),
        var="TR",
        field="years_trainee_continuous",
    ),
    FactSpec(
        "age",
        "years",
        "您今年多少周岁？",
        "“年满N周岁”按周岁计算：过了第N个生日才算满N周岁。",
        var="AGE",
        field="age",
    ),
    FactSpec(
        "internship_years",
        "years",
        N_("您已经实习期满的实习，有多少年？"),
        N_("“一年实习期满”指完成了一年的实习期（见习期）；没有实习过的填 0。"),
        var="IN",
        field="internship_years",
    ),
    *_cert_facts("any", "本职业或相关职业"),
    *_cert_facts("this", "本职业"),
    *_cert_facts("related", "相关职业"),
    FactSpec(
        "school",
        "choice",
        N_("您的最高学历（已毕业或正在就读）是哪一类学校？"),
        N_(
            "报考条件按学校类别认定学历；“大专及以上”包括大学专科、高等职业学校、本科和研究生。"
            "如有多个学历，请选最高的一个。"
        ),
        SCHOOL_CHOICES,
        field="education[].school",
    ),
    FactSpec(
        "status",
        "choice",
        N_("这个学历您已经毕业，还是仍在校就读？"),
        N_(
            "毕业证书要求已毕业；只有条文写明“含尚未取得毕业证书的在校应届毕业生”时，"
            "应届毕业生也可以；“在校生”要求正在就读。"
        ),
        (
            Choice("graduated", N_("已毕业，取得毕业证书")),
            Choice("graduating", N_("在校应届毕业生（今年毕业，尚未取得毕业证书）")),
            Choice("enrolled", N_("其他在校生")),
        ),
        held="school",
        field="education[].status",
    ),
    FactSpec(
        "specialty",
        "choice",
        N_("您所学的专业与本职业是什么关系？"),
        N_(
            "本专业：与本职业对口的专业；相关专业：与本职业相近的专业；非本专业：其他专业"
            "（相关专业也算非本专业）。"
        ),
        (
            Choice("this", N_("本专业（与本职业对口）")),
            Choice("related", N_("相关专业")),
            Choice("other", N_("其他专业")),
        ),
        held="school",
        field="education[].specialty",
    ),
    FactSpec(
        "fields",
        "choice",
        N_("您所学的专业属于以下哪一类？"),
        N_(
            "部分条件要求特定学科门类的专业（例如医学或食品专业）；如同时属于多类，请选最具体的一类。"
        ),
        held="school",
        field="education[].fields",
    ),
    FactSpec(
        "skill_goal",
        "choice",
        N_(
            "您就读的专业是否经评估论证（或经劳动保障行政部门审核认定），以中级或高级技能为培养目标？"
        ),
        N_(
            "“以中级技能为培养目标”的条件，以高级技能为培养目标的专业也满足；"
            "“以高级技能为培养目标”只认高级。"
        ),
        (
            Choice("advanced", N_("是，以高级技能为培养目标")),
            Choice("intermediate", N_("是，以中级技能为培养目标")),
            Choice("none", N_("不是（或不清楚）")),
        ),
        held="school",
        field="education[].skill_goal",
    ),
    FactSpec(
        "apprenticeship",
        "choice",
        N_("您是否已经学徒期满？"),
        N_("“学徒期满”指按规定完成学徒培训；“本职业学徒期满”只认本职业。"),
        (
            Choice("this", N_("本职业学徒期满")),
            Choice("related", N_("相关职业学徒期满")),
            Choice("none", N_("没有")),
        ),
        field="apprenticeship",
    ),
    FactSpec(
        "preparatory_technician",
        "yesno",
        N_("您是否持有本职业或相关职业的预备技师证书？"),
        N_("预备技师证书由技师学院颁发，部分技师（二级）报考条件认可它。"),
        YES_NO,
        field="preparatory_technician",
    ),
    *HELD_FACTS,
)

TRAINING_PREFIX = "training_"
CREDENTIAL_IDS = {"结业证书": "completion", "合格证书": "pass"}


def training_id(level: int, credential: str) -> str:
    """The fact id of "formal training for ``level``, with ``credential``"."""
    return f"{TRAINING_PREFIX}{level}_{CREDENTIAL_IDS[credential]}"


_TRAINED = T_(
    N_("您是否参加过本职业{name}正规培训，达到规定标准学时数，并取得{credential}？"),
    credential=CREDENTIAL_IDS,
)


def training_fact(level: int, credential: str, title: str | None) -> FactSpec:
    """The yes/no fact of one formal training (级别 and 结业/合格 certificate)."""
    name = f"{title}（{LEVEL_LABELS[level]}）" if title else LEVEL_LABELS[level]
    return FactSpec(
        training_id(level, credential),
        "yesno",
        _TRAINED.format(name=name, credential=credential),
        N_(
            "正规培训须达到规定标准学时数，并取得条文写明的证书（结业证书与合格证书不能互相代替）。"
        ),
        YES_NO,
        field="trainings[]",
    )


def fields_fact(tags: tuple[str, ...]) -> FactSpec:
    """The ``fields`` fact offering exactly the discipline tags the levels use."""
    base = next(f for f in FACTS if f.id == "fields")
    choices = tuple(Choice(t, FIELD_LABELS.get(t, t)) for t in tags)
    return FactSpec(
        base.id,
        base.kind,
        base.text,
        base.why,
        (*choices, Choice("other", N_("以上都不是"))),
        held=base.held,
        field=base.field,
    )


FACT_BY_ID = {f.id: f for f in FACTS}
