# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 04 · 层层加码 · Escalation, level by level
#
# 前三篇看的是落到最基层的规则。这些规则并不是最基层自己定的：从省到科室，每一级都可能在上级的要求上再加一点。这一篇看“加一点”叠起来有多少。
#
# The first three guides took the rules as they reach the bottom. The bottom did not set them: from the province down to the section, each level may add a little to what it was asked. This guide adds up the littles.
#
# 每个文字单元先中文、后英文。想看英文图表，把 `LANG` 改成 `"en"` 再从头运行。
#
# Chinese first, then English, in each text cell. For English charts set `LANG` to `"en"` and run everything again.

# %%
LANG = "zh"  # 图表语言；改成 "en" 即为英文 · chart language; "en" for English

import pandas as pd

from explainer.charts.unit import cascade_spec
from explainer.guide import assumption_table, line_spec, show
from explainer.model.escalation import cascade
from explainer.model.unit import unit
from explainer.offline import enable_offline_charts
from explainer.presets import presets
from explainer.spec import registry


def tr(zh: str, en: str) -> str:
    """按 LANG 选一种语言 · pick the text for LANG."""
    return zh if LANG == "zh" else en


enable_offline_charts()  # 图表脚本从本机读取，不连网 · chart JavaScript from disk, no network
pd.set_option("display.max_colwidth", None)  # 表格里显示完整文字 · full text in tables
reg = registry()
s = reg.default()

# %% [markdown]
# ## 1. 机制 · The mechanism
#
# 北京大学的白智立给出形式主义加重的三个原因：内部规制变严，公务员为自保而做表面文章；上级偏好形式上的表现，下级去迎合；以及自上而下层层施压、层层加码，越到基层越重（seed §5，“层层加码”）。模型只写了第三条。
#
# 加码有两种形式。一是**要求变多**：同一个学习或积分任务，每往下一级都被提高一点、期限提前一点（文章没给幅度；刘伟2023年的研究描述过“数量层层加、时限层层提前”）。二是**APP变多**：一个单位一个APP还不够，科室也要自己做一个（seed §2，“一个科室搞一个”）；市里各部门有、县里也有（seed §2，“县里也有APP”）。每一级的APP都要下面的人装、每天点。
#
# 文中那个区的公务员还说，从全市乃至全省看，他们区的学时要求“绝不算高”（seed §3，“绝不算高”）。这提醒我们：各地加码的幅度并不一样，而模型里只有一个统一的 $\alpha$。
#
# Bai Zhili of Peking University gives three reasons for worsening formalism: stricter internal rules, so officials protect themselves with paperwork; superiors who like the look of things, so subordinates play to it; and pressure applied and added to at every level on the way down, worst at the bottom (seed §5, “层层加码”). The model captures only the third.
#
# The add-ons come in two forms. **Bigger requirements:** the same study or points task is raised a little and its deadline brought forward a little at each level down (the article gives no rates; Liu Wei, 2023, describes quantities added and deadlines advanced level by level). **More apps:** one app per unit is not enough, a section builds its own (seed §2, “一个科室搞一个”); city departments have them, and so does the county (seed §2, “县里也有APP”). Every level's app must be installed and tapped daily by those below.
#
# The district official also remarks that, seen across the city and the province, his district's study-hour requirement is “by no means high” (seed §3, “绝不算高”). A reminder that add-ons differ from place to place, while the model has one common $\alpha$.

# %% [markdown]
# ## 2. 公式 · The equations
#
# 设共有 $L$ 级，$\ell = 0$ 是最上面一级。每往下一级，要求乘以 $(1+\alpha)$，期限提前 $\Delta$ 天，再多出 $a$ 个APP：
#
# With $L$ levels, $\ell = 0$ at the top, each level down multiplies the requirement by $(1+\alpha)$, brings the deadline forward by $\Delta$ days and adds $a$ apps:
#
# $$R_\ell = R_0\,(1+\alpha)^{\ell}, \qquad D_\ell = D_0 - \ell\,\Delta, \qquad A_\ell = A_0 + \ell\,a .$$
#
# 文章给出的是最基层实际面对的数（8个APP、每晚约一小时），所以模型**倒着推**：最上面一级原本只要求 $R_{L-1}/(1+\alpha)^{L-1}$（积分向上取整）、期限晚 $(L-1)\Delta$ 天、APP少 $(L-1)a$ 个。每一级的负担都用第2篇的一晚模型来算，于是“上面要的”和“下面做的”可以直接比：
#
# The article reports what reached the bottom (8 apps, about an hour a night), so the model works **backwards**: the top asked for only $R_{L-1}/(1+\alpha)^{L-1}$ (points rounded up), with a deadline $(L-1)\Delta$ days later and $(L-1)a$ fewer apps. Each level's burden is guide 02's night model run on what that level asked, so what the top asked and what the bottom does compare directly:
#
# $$\text{ratio} = \frac{M(\text{section})}{M(\text{top})}.$$

# %% [markdown]
# ## 3. 用模型来算 · Computing with the model

# %%
levels = cascade(s)
levels

# %%
u = unit(s)
print(
    tr(
        f"科室每晚要花的时间是省里原本要求的 {u.escalation_ratio:.2f} 倍。",
        f"The section's night takes {u.escalation_ratio:.2f} times what the province's own rule would.",
    )
)

# %% [markdown]
# ## 4. 图 · The chart

# %%
show(cascade_spec(u, LANG))

# %% [markdown]
# ## 5. 图说明了什么，没说明什么 · What the chart shows, and what it does not
#
# **说明了：** 每一级只加一点，到底就翻了一番多。加码里有两部分：每一级多出来的APP（签到时间一项项叠上去），和被放大的积分指标。前者往往被忽视，但在默认值下它占了相当大的一块（练习1会让你把它单独分出来）。
#
# **没说明：**
# - $\alpha$、$\Delta$、每级加几个APP、一共几级，文章都没有给数；图的形状完全取决于这些假设（第6节）。
# - 模型假设每一级都加码。实际上也有层级会“减码”、会替下面挡一挡；文中“绝不算高”的说法也说明各地差别很大。
# - 白智立说的另外两个原因——自保和迎合上级——不在模型里。它们会让同样的规则在不同单位被执行得松紧不同。
# - 模型的一处局限：如果最基层的APP很少、而每级又“加”了APP，倒推到上面几级时APP数会减到零，那几级的负担就算成零，比值无从定义（例如 `district_20h` 预设，见下一节）。
#
# **Shown:** each level adds only a little, yet at the bottom the night is more than doubled. The add-on has two parts: the apps each level adds (sign-in time stacking up) and the inflated points quota. The first is easy to overlook, but with the defaults it is a large share (exercise 1 asks you to separate it).
#
# **Not shown:**
# - The article gives no figure for $\alpha$, $\Delta$, apps per level or the number of levels; the shape of the chart rests entirely on these assumptions (section 6).
# - The model has every level adding. In reality some levels trim requirements or shield those below; “by no means high” in the article also says places differ widely.
# - Bai's other two reasons — self-protection and playing to superiors — are not in the model. They make the same rule bite harder in one unit than in another.
# - A limit of the model: if the bottom has few apps and every level “adds” one, working backwards leaves the upper levels with no app at all; their burden is then zero and the ratio undefined (for example the `district_20h` preset; see the next section).

# %% [markdown]
# ## 6. 文章不支持的假设 · Assumptions the article does not support

# %%
assumption_table(["n_levels", "alpha", "deadline_shift_days", "apps_added_per_level"], LANG)

# %% [markdown]
# 表里每个参数有两列来源：`alpha`、`n_levels` 和 `apps_added_per_level` 的**机制**出自文章（层层加码、科室自建APP），**数值**一列则标为假设——每级加20%、五级、每级一个APP都是我们定的。`deadline_shift_days`（每级提前2天，0–5天）是明确的假设。
#
# - **$\alpha$（我们取0.2；0–1）和每级加的APP数（我们取1；0–3）。** 下图同时改这两项（$\alpha$ 取0.05到0.4）。不加APP时，比值只来自指标的放大，而且因为积分要取整、又有封顶，增长得很慢；每级加一个APP时，比值高得多。
# - **每级提前几天（假设，2天；0–5天）。** 默认情景没有学时任务，所以这一项不起作用。下面换成区里20学时的预设（并让各级APP数相同）来看：提前的天数只在跨过半小时的取整台阶时才改变每晚的时间，而且一跨就是半小时。
#
# The table gives each parameter two sources: for `alpha`, `n_levels` and `apps_added_per_level` the **mechanism** comes from the article (add-ons at each level; sections building their own apps), while the **number** column says assumption — 20% per level, five levels, one app per level are ours. `deadline_shift_days` (2 days per level; 0–5) is an outright assumption.
#
# - **$\alpha$ (ours 0.2; 0–1) and apps added per level (ours 1; 0–3).** The chart varies both ($\alpha$ from 0.05 to 0.4). With no apps added, the ratio comes only from the inflated quota and grows slowly, since points round and caps bind; with one app per level, it is much higher.
# - **Days brought forward per level (assumption, 2; 0–5).** The default scenario has no study-hour target, so this does nothing there. Below we switch to the district's 20-study-hour preset (with the same apps at every level): the shift changes the nightly time only where it crosses a half-hour rounding step, and then by a whole half hour.

# %%
rows = []
for added in (0, 1):
    for a in (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4):
        ratio = cascade(reg.replace(s, alpha=a, apps_added_per_level=added))["ratio_to_top"].iloc[-1]
        rows.append(
            {
                "alpha": a,
                "ratio": ratio,
                "apps": tr(f"每级加 {added} 个APP", f"{added} app(s) added per level"),
            }
        )
show(
    line_spec(
        pd.DataFrame(rows),
        "alpha",
        "ratio",
        color="apps",
        chart_title=tr("科室每晚的时间是省里要求的几倍", "The section's night as a multiple of the province's rule"),
        x_title=tr("每级加码幅度 α", "add-on per level, α"),
        y_title=tr("倍数", "ratio"),
        caption=tr(
            f"共 {s.n_levels} 级；其余取默认值。",
            f"{s.n_levels} levels; all else at defaults.",
        ),
        y_rule=1,
    )
)

# %%
district = reg.replace(presets()["district_20h"].scenario(), apps_added_per_level=0)
pd.DataFrame(
    {
        shift: cascade(reg.replace(district, deadline_shift_days=shift)).set_index("level")[
            "night_minutes"
        ]
        for shift in (0, 1, 2, 3, 5)
    }
).rename_axis(columns=tr("每级提前天数 →", "days forward per level →"))

# %% [markdown]
# ## 7. 练习 · Exercises
#
# **练习 1 · Exercise 1（`04_alpha_zero_ratio`）。** 如果各级都不提高指标（$\alpha = 0$），只是每级照旧多出一个APP，科室每晚的时间是省里要求的几倍？容差 ±0.02。和默认情景比一比：加码里有多少来自APP的堆叠？
#
# If no level raised the quota ($\alpha = 0$) but each still added one app, what multiple of the province's rule would the section's night be? Tolerance ±0.02. Compare it with the default: how much of the escalation comes from stacking apps?

# %%
from explainer.exercises import check

answer_1 = None  # 倍数 · a ratio
check("04_alpha_zero_ratio", answer_1)

# %% [markdown]
# **练习 2 · Exercise 2（`04_levels_double`）。** 设每级加码 $\alpha = 0.5$（其余默认，每级仍加一个APP）。至少要有几级，科室每晚的时间才达到最上一级要求的两倍或以上？答案是一个整数，必须完全相等。
#
# With an add-on of $\alpha = 0.5$ per level (all else at defaults, still one app per level), what is the smallest number of levels at which the section's night is at least twice the top level's rule? An integer; it must be exact.

# %%
answer_2 = None  # 级数 · number of levels
check("04_levels_double", answer_2)

# %% [markdown]
# ## 8. 延伸阅读 · Further reading
#
# - 李辉（2022），《中国行政管理》：在庞大的科层组织里，层层加码是对执行衰减的一种抵消。 · Li Hui (2022), *Chinese Public Administration*: level-by-level add-ons offset the decay of implementation in a huge bureaucracy.
# - 刘伟（2023）：数量层层加、时限层层提前。 · Liu Wei (2023): quantities added and deadlines advanced at each level.
# - 于晓艺、于承洛（2023），《超越“数字形式主义”》，《中国海洋大学学报（社会科学版）》2023(2): 88–96。 · Yu & Yu (2023) on going beyond “digital formalism”.
# - Merton, R. K. (1940). Bureaucratic structure and personality. *Social Forces*, 18(4), 560–568. ——越往下，越容易把上级的要求当成目的本身。 · Further down, the superior's requirement more easily becomes an end in itself.
# - Campbell, D. T. (1979). *Evaluation and Program Planning*, 2(1), 67–90; Goodhart (1975); Strathern, M. (1997), *European Review*, 5(3), 305–321. ——每一级都拿下一级的数字来交差。 · Each level reports the numbers of the level below.
# - Kerr, S. (1975). *Academy of Management Journal*, 18(4), 769–783.
# - Holmström & Milgrom (1991); Goodhue & Thompson (1995)：见第5篇 · see guide 05.
# - 2024年《整治形式主义为基层减负若干规定》：原则上每个部委面向基层的APP不超过一个；国办函〔2026〕12号：县级以下原则上不再建设政务APP（第6篇）。 · The 2024 rules (in principle one grassroots-facing app per ministry) and Guobanhan [2026] No. 12 (in principle no apps below county level) — guide 06. The 2019 notice asked to curb excessive record-keeping.
#
# 上一篇 · Previous: [03](03_rankings_misses_veto.ipynb) · 下一篇 · Next: [05 · 任务–工具匹配与目标置换 · Fit and goal displacement](05_fit_and_displacement.ipynb)
