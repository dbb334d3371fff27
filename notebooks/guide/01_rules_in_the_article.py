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
# # 01 · 文章里的规则 · The rules in the article

# %% [markdown] tags=["lang-zh"]
# 这组笔记一步一步搭一个小模型，用来解释《财经》E法2020年8月的一篇报道所写的“指尖上的形式主义”：基层公务员为什么每天晚上要对着一排政务APP刷分、打卡，一直弄到深夜。六篇笔记走同一条路：先用我们自己的话讲清文中的机制并注明出处，再把它写成公式，接着调用 `explainer` 包去算、去画图，说明这张图说明了什么、没说明什么，标出文章本身不支持的假设，最后留一两道练习。
#
# **怎么读。** 每个文字单元都标明了语言（笔记里中英文都有，静态网页分成中文版和英文版）；代码和图只有一份。引用写成“seed §3，‘短语’”，指原文第3节里的一个短语——我们只引短语，不抄句子。原文：刘畅，《变味的政务APP，基层公务员每天“刷分”到深夜》，《财经》E法，2020年8月29日；五节依次是导语、APP“点不过来”、“刷积分”成了负担、“打卡”流于形式、如何用好电子政务。想看英文图表，把下面的 `LANG` 改成 `"en"`，再从头运行。

# %% [markdown] tags=["lang-en"]
# This series builds a small model, one step at a time, of the “fingertip formalism” reported by Caijing E-Law in August 2020: why grassroots officials spend their evenings farming points and checking in on a row of government apps until late at night. All six guides follow the same path: the mechanism in our own words with its source; the equation; code that calls the `explainer` package; a chart; what the chart shows and what it does not; the assumptions the article does not support; and one or two exercises.
#
# **How to read.** Each text cell is tagged with its language (the notebook holds both; the static pages come as a Chinese and an English site); code and charts exist once. A citation “seed §3, ‘phrase’” points to a short phrase in section 3 of the article: we quote phrases, never sentences. The article: Liu Chang, “Government apps gone sour: grassroots officials ‘farm points’ late into the night” (in Chinese), Caijing E-Law, 29 August 2020; its five sections are the lede, too many apps to click through, farming points became a burden, check-ins became a formality, and using e-government well. For English charts, set `LANG` below to `"en"` and run everything again.

# %% [markdown] tags=["lang-zh"]
# **学习目标。** 读完这一篇，你能：（一）用公式写出学时的三种取整规则，并说明为什么向上取整时半小时零一秒就记一个学时；（二）算出一个积分指标每天要花多少分钟，以及封顶在哪里让它不再增长；（三）分清文中的机制和我们自己定的数字。
#
# **预备知识。** 会读简单的 Python（函数调用、`pandas` 表格）；知道取整函数 $\lceil x \rceil$、$\lfloor x \rfloor$。不需要读过其他各篇。

# %% [markdown] tags=["lang-en"]
# **Learning goals.** After this guide you can (1) write the three rounding rules for study hours as formulas and say why, rounding up, half an hour and one second earns a full hour; (2) compute the minutes a daily points quota demands, and where the caps stop it growing; (3) tell the article's mechanisms from the numbers we chose ourselves.
#
# **Prerequisites.** Reading simple Python (function calls, `pandas` tables); the ceiling and floor functions $\lceil x \rceil$, $\lfloor x \rfloor$. No earlier guide needed.

# %%
LANG = "zh"  # 图表语言；改成 "en" 即为英文 · chart language; "en" for English

import pandas as pd

from explainer.teaching.guide import assumption_table, line_spec, show, sweep
from explainer.teaching.guide import localize_tables
from explainer.serving.offline import enable_offline_charts
from explainer.core.spec import registry


def tr(zh: str, en: str) -> str:
    """按 LANG 选一种语言 · pick the text for LANG."""
    return zh if LANG == "zh" else en


enable_offline_charts()  # 图表脚本从本机读取，不连网 · chart JavaScript from disk, no network
localize_tables(LANG)  # 表格的列名随 LANG · table labels follow LANG
pd.set_option("display.max_colwidth", None)  # 表格里显示完整文字 · full text in tables
reg = registry()
s = reg.default()  # 默认情景 · the default scenario

# %% [markdown]
# ## 1. 机制 · The mechanism

# %% [markdown] tags=["lang-zh"]
# 文章写到两类规则，它们把“花在APP上的时间”折算成要考核的数字。
#
# **积分。** 用自己的账号登录，能拿到一笔较高的奖励分；读文章、看视频的分值较低，但能在一天之内累加（seed §3，“较低但可在一日内累计”）。更要紧的是，浏览和观看按时长而不是按点击计分（seed §3，“以观看时间计算”）。上级给每个人定下每天要达到的分数（seed §1，“刷到规定值”），平台自己又有“防刷”机制，限定每天能计入的学习时长（seed §3，“防刷”）。
#
# **学时。** 某省级党建APP把学习时长换算成学时：一小时记一学时；半小时以内（含半小时）记半学时，半小时以上、一小时以内记一学时，依此类推（seed §3，“按0.5学时赋值”）。某区要求在职公务员8月20日前全部学满20学时（seed §3，“学够20学时”）。
#
# 受访者大多并不反感这种学习方式本身（seed §3，“确实学到了东西”）；让它变味的是与之挂钩的考核（seed §3，“念歪了”）。规则一旦进入考核，时间就成了唯一需要“凑够”的东西。

# %% [markdown] tags=["lang-en"]
# The article describes two kinds of rule that turn time spent in an app into a number that is assessed.
#
# **Points.** Logging in with one's own account earns a sizeable bonus; reading and watching earn smaller points that add up over the day (seed §3, “较低但可在一日内累计”). Above all, reading and viewing are credited by time, not by clicks (seed §3, “以观看时间计算”). A superior sets the score each person must reach every day (seed §1, “刷到规定值”), and the platform's own anti-farming mechanism limits how much study time a day can count (seed §3, “防刷”).
#
# **Study hours.** A provincial party-building app converts time into study hours: one hour is one study hour; up to and including half an hour counts as a half; more than half an hour up to an hour counts as one; and so on (seed §3, “按0.5学时赋值”). One district required every serving official to complete 20 study hours by 20 August (seed §3, “学够20学时”).
#
# Most officials interviewed did not mind the study format itself (seed §3, “确实学到了东西”); what spoilt it was the assessment attached to it (seed §3, “念歪了”). Once a rule feeds an assessment, time becomes the one thing that has to be made up.

# %% [markdown]
# ## 2. 公式 · The equations

# %% [markdown] tags=["lang-zh"]
# **积分。** 读或看了 $t$ 秒以后，当天的积分是登录分 $L$、按条目计的分（每 $t_{\text{item}}$ 秒一条、每条 $p$ 分、上限 $C_{\text{item}}$）和按时长计的分（每 $t_{\text{pt}}$ 秒一分、上限 $C_{\text{time}}$）之和，再受每日总上限 $P_{\max}$ 约束：

# %% [markdown] tags=["lang-en"]
# **Points.** After $t$ seconds of reading or watching, the day's score is the login bonus $L$, plus item points ($p$ per item of $t_{\text{item}}$ seconds, capped at $C_{\text{item}}$), plus time points (one per $t_{\text{pt}}$ seconds, capped at $C_{\text{time}}$), all under a daily maximum $P_{\max}$:

# %% [markdown]
# $$P(t) = \min\Big(P_{\max},\; L + \min\big(C_{\text{item}},\, p\,\lfloor t/t_{\text{item}} \rfloor\big) + \min\big(C_{\text{time}},\, \lfloor t/t_{\text{pt}} \rfloor\big)\Big)$$

# %% [markdown] tags=["lang-zh"]
# 要达到每日指标 $Q$，最少要 $t^*(Q) = \min\{t : P(t) \ge Q\}$ 秒；如果 $Q$ 超过封顶后能拿到的最高分，指标根本达不到。
#
# **学时。** 时长 $t$（小时）记作

# %% [markdown] tags=["lang-en"]
# The least time that meets a daily quota $Q$ is $t^*(Q) = \min\{t : P(t) \ge Q\}$ seconds; if $Q$ exceeds the most the caps allow, the quota cannot be met at all.
#
# **Study hours.** A duration of $t$ hours is credited

# %% [markdown]
# $$f(t) = \tfrac{1}{2}\,\lceil 2t \rceil \quad (t > 0), \qquad f(0) = 0 .$$

# %% [markdown] tags=["lang-zh"]
# 在 $D$ 个学习日里学满 $H$ 学时，平均每天要记到 $h = H/D$ 学时，最少需要 $t_{\min} = \min\{t : f(t) \ge h\}$。零时长记零学时是我们的解读：按字面，零也“小于等于0.5小时”。

# %% [markdown] tags=["lang-en"]
# To complete $H$ study hours over $D$ study days, each day must be credited $h = H/D$, which takes at least $t_{\min} = \min\{t : f(t) \ge h\}$. Crediting zero time with zero is our reading: taken literally, zero is also “at most half an hour”.

# %% [markdown]
# ## 3. 用模型来算 · Computing with the model

# %% [markdown] tags=["lang-zh"]
# 默认情景里的积分规则来自学习类APP公开规则的二手转述（登录1分、每条1分至多6分、每4分钟1分至多8分），指标分数则是我们为了让李毅的一小时对得上而设定的（见第6节）。

# %% [markdown] tags=["lang-en"]
# The default point rule follows second-hand reports of a study app's published rules (login 1 point; 1 per item up to 6; 1 per 4 minutes up to 8). The quota is ours, set so that Li Yi's hour comes out right (see section 6).

# %%
from explainer.model.night import point_rule
from explainer.model.rules import (
    credited_day,
    credited_hours,
    seconds_for_quota,
)

rule = point_rule(s)  # 从情景得到一个APP的积分规则 · one app's point rule, from the scenario
need = seconds_for_quota(rule, s.quota_points)
most = rule.points_after(rule.seconds_to_saturate())
print(rule)
print(
    tr(
        f"指标 {s.quota_points} 分：至少要读/看 {need.seconds / 60:g} 分钟；各项封顶后，一天最多 {most} 分。",
        f"A quota of {s.quota_points} points takes at least {need.seconds / 60:g} minutes; "
        f"with every cap reached, a day yields at most {most} points.",
    )
)

# %% [markdown] tags=["lang-zh"]
# 学时的取整规则：模型用整数秒和分数计算，避免浮点误差在半小时的边界上出错。

# %% [markdown] tags=["lang-en"]
# The study-hour rule: the model counts whole seconds and exact fractions, so nothing slips at the half-hour boundary.

# %%
for seconds in (0, 1, 1800, 1801, 3600, 3660):
    print(f"{seconds:>5} s → {credited_hours(seconds)} 学时 / study hours")

# 浮点数的陷阱：九段各 1/18 小时，合计本应正好半小时 · the floating-point trap
print(sum([0.5 / 9] * 9) > 0.5, "← float: 比半小时多了一点 · a hair over half an hour")
print(credited_hours(sum([200] * 9)), "← 整数秒：正好半学时 · whole seconds: exactly a half")

# 取整的单位：每次分别取整，还是一天合计后取整？· rounding each session or the day's total?
sessions = [120] * 4  # 四次，每次两分钟 · four sessions of two minutes
print(
    tr("每次取整：", "per session:"),
    credited_day(sessions, unit="session"),
    tr("；按天取整：", "; per day:"),
    credited_day(sessions, unit="day"),
)

# %% [markdown] tags=["lang-zh"]
# 文中的区：20学时、7月16日至8月20日，用的正是这款向上取整的省级APP（seed §3，“学够20学时”）。预设 `district_20h` 用的就是这条规则：每天学30分1秒就记1学时，20天学够——约每天半小时，而不是文中的“每天都需一小时左右”（seed §3，“一小时左右”）。模型**没有复现**这个数字；文中能补上差距的说法（“防刷”的每日上限、23点以后才有空、截止前补课）都没有给出数字，见 docs/evidence.md。以前的预设改成只在工作日学、向下取整来凑出一小时，那是文章没有描述的规则。

# %% [markdown] tags=["lang-en"]
# The district in the article: 20 study hours between 16 July and 20 August, on this very provincial app that rounds up (seed §3, “学够20学时”). The preset `district_20h` uses that rule: 30 min 1 s a day earns a study hour and 20 days suffice — about half an hour a day, not the article's “about an hour” (seed §3, “一小时左右”). The model does **not reproduce** that figure; what the article says could close the gap (the anti-farming daily limit, being free only after 23:00, catching up before the deadline) comes with no numbers; see docs/evidence.md. An earlier version of the preset matched the hour by studying on working days only and rounding *down*, a rule the article does not describe.

# %%
from explainer.model.night import night
from explainer.core.presets import presets

district = presets()["district_20h"].scenario()
target = night(district).study
print(target)
print(
    tr(
        f"{target.days} 个学习日，每天要记 {target.hours_per_day} 学时，最少 {target.seconds_per_day / 60:g} 分钟。",
        f"{target.days} study days, {target.hours_per_day} study hours a day, "
        f"at least {target.seconds_per_day / 60:g} minutes a day.",
    )
)

# %% [markdown]
# ## 4. 图 · The charts

# %% [markdown] tags=["lang-zh"]
# 第一张图：一天学了多少分钟，三种取整方式各记多少学时。第二张图：每日积分指标越高，要花的分钟越多——直到封顶。

# %% [markdown] tags=["lang-en"]
# First chart: study hours credited for a day's minutes under three rounding modes. Second chart: the minutes a daily points quota demands, as the quota rises — until the caps stop it.

# %%
MODES = {
    "ceil_half": tr("向上取到半小时（文中省级APP）", "round up to the half hour (the article's app)"),
    "floor_half": tr("向下取到半小时（一些平台）", "round down to the half hour (some platforms)"),
    "exact": tr("不取整", "no rounding"),
}
# 每分钟一个点，再在每个半小时边界的两侧各加一个点，让台阶画得笔直
# one point a minute, plus one on each side of every half-hour boundary, so the steps are sharp
edges = [30 * k + d / 60 for k in range(5) for d in (-1, 1)]
grid = sorted({*range(0, 121), *(e for e in edges if 0 < e <= 120)})
rounding = pd.DataFrame(
    [
        {"minutes": m, "hours": float(credited_hours(round(m * 60), mode)), "mode": label}
        for mode, label in MODES.items()
        for m in grid
    ]
)
show(
    line_spec(
        rounding,
        "minutes",
        "hours",
        color="mode",
        points=False,
        chart_title=tr("一天的学习时长记多少学时", "Study hours credited for a day's study time"),
        x_title=tr("当天学习时长（分钟）", "study time that day (minutes)"),
        y_title=tr("记入学时", "study hours credited"),
        caption=tr(
            "按天合计后取整。向上取整时，半小时零一秒就记一学时。",
            "The day's total is rounded. Rounding up, half an hour and one second earns a full hour.",
        ),
    )
)

# %%
quota_curve = pd.DataFrame(
    [
        {
            "quota": q,
            "minutes": seconds_for_quota(rule, q).seconds / 60,
            "reachable": tr("能达到", "reachable")
            if seconds_for_quota(rule, q).reachable
            else tr("达不到（封顶）", "unreachable (capped)"),
        }
        for q in range(1, 31)
    ]
)
show(
    line_spec(
        quota_curve,
        "quota",
        "minutes",
        color="reachable",
        step=True,
        chart_title=tr("每日积分指标要花多少分钟", "Minutes a daily points quota demands"),
        x_title=tr("每日积分指标（分）", "daily quota (points)"),
        y_title=tr("最少阅读/观看时长（分钟）", "least reading or viewing time (minutes)"),
        caption=tr(
            "默认规则：登录分、条目分与时长分都有上限，指标超过上限之和就再也达不到。",
            "Default rule: login, item and time points are each capped; a quota above their sum "
            "can never be met.",
        ),
    )
)

# %% [markdown]
# ## 5. 图说明了什么，没说明什么 · What the charts show, and what they do not

# %% [markdown] tags=["lang-zh"]
# **说明了：** 规则把时间变成阶梯。向上取整时，刚过半小时就多记半学时，所以“卡着点学”最省时间；向下取整时，差一秒就少记半学时。积分指标在封顶之前大致随时间线性增长，之后就平了——再高的指标也不会让人多花时间，只会让人永远不达标。
#
# **没说明：** 这只是规则本身。图里没有人——没有人的拖延、忘记、被打断，也没有“挂着视频不看”（第2篇）。积分规则的数字来自二手转述，文中那个APP的真实数字并不知道。文章也没说省级APP是按每次还是按每天取整，所以上面只画了按天取整的一种。

# %% [markdown] tags=["lang-en"]
# **Shown:** the rules turn time into steps. Rounding up, just past half an hour earns another half; so stopping at the right second is the cheapest strategy. Rounding down, one second short costs half an hour of credit. A points quota grows roughly in line with time until the caps bind, then flattens: a higher quota no longer costs more time, it only guarantees failure.
#
# **Not shown:** these are the rules alone. No one is in the chart — no procrastination, forgetting or interruption, and no videos left playing unwatched (guide 02). The point values are second-hand reports; the real numbers of the app in the article are unknown. Nor does the article say whether the provincial app rounds each session or each day, so only the per-day reading is drawn above.

# %% [markdown]
# ## 6. 文章不支持的假设 · Assumptions the article does not support

# %% [markdown] tags=["lang-zh"]
# 下表列出本篇用到的参数，每个参数有两列来源：机制出自哪里、数值出自哪里。一条规则可以出自文章，而它的数值是我们假设的（例如登录奖励：文章说“较高”，没给数）。“假设”表示文章里没有对应数字；“文献”指文外的（常常是二手的）资料。

# %% [markdown] tags=["lang-en"]
# The table lists the parameters this guide uses, each with two sources: where the mechanism comes from and where the number comes from. A rule can come from the article while its number is ours (the login bonus: the article calls it large, and gives no number). “Assumption” means the article gives no figure; “reference” means an outside, often second-hand, source.

# %%
assumption_table(
    [
        "quota_points",
        "n_quota_apps",
        "minutes_per_item",
        "item_points_cap",
        "minutes_per_time_point",
        "time_points_cap",
        "daily_max_points",
        "rounding_unit",
        "sessions_per_day",
        "study_days",
    ],
    LANG,
)

# %% [markdown] tags=["lang-zh"]
# **每日指标（假设，14分；可能在5–60分之间）。** 文章只说要刷到“规定值”，没说是多少。14分是为了让李毅每晚约一小时对上而“校准”出来的，所以模型对那一小时的“吻合”不是预测。上面的第二张图就是它的敏感性：在默认上限下，超过15分就达不到；如果真实上限更宽，分钟数会随指标继续上升。
#
# **每条用时（假设，3分钟；1–10分钟）。** 下面把它从1调到10分钟：在3分钟以内结果不变（时长分才是瓶颈），更长时每晚的学习时间才开始增加。
#
# **哪些天学、怎样取整。** 文章没说周末算不算；按省级APP向上取整的规则，36天里有20天就够，所以算不算周末结果一样。下面的小表再看另两种取整（其他平台的做法，不是文中的）：不取整时，是否算上周末让每天的时间差了十几分钟；向下取整时都是一小时——以前的预设正是这样凑出文中那一小时的。

# %% [markdown] tags=["lang-en"]
# **The daily quota (assumption, 14 points; plausibly 5–60).** The article says only that the score must reach a set value. 14 was *calibrated* so that Li Yi's hour comes out; the model's agreement with that hour is therefore not a prediction. The second chart above is its sensitivity: under the default caps a quota above 15 cannot be met; with looser real caps, minutes would keep rising with the quota.
#
# **Minutes per item (assumption, 3 min; 1–10).** Below we move it from 1 to 10 minutes: up to 3 minutes nothing changes (time points are the bottleneck); beyond that the nightly study time starts to grow.
#
# **Which days, and which rounding.** The article does not say whether weekends count; under the app's round-up rule 20 of the 36 days suffice, so it makes no difference. The small table shows two other roundings (other platforms', not the article's): with exact time, counting weekends or not shifts the daily time by more than ten minutes; rounding down, both give an hour — which is how an earlier version of the preset produced the article's hour.

# %%
sweep(s, "minutes_per_item", [1, 2, 3, 5, 8, 10], {"study_min": lambda x: night(x).study_minutes})

# %%
pd.DataFrame(
    [
        {
            "study_days": days,
            "rounding_mode": mode,
            "minutes_a_day": night(
                reg.replace(district, study_days=days, rounding_mode=mode)
            ).study_minutes,
        }
        for days in ("working", "all")
        for mode in ("ceil_half", "floor_half", "exact")
    ]
)

# %% [markdown] tags=["lang-zh"]
# 第一列 `ceil_half` 是文中的规则。练习3请你列出文中能补上差距的因素，以及要把它们放进模型需要什么数据。

# %% [markdown] tags=["lang-en"]
# The `ceil_half` rows are the article's rule. Exercise 3 asks which factors in the article could close the gap, and what data putting them into the model would need.

# %% [markdown]
# ## 7. 练习 · Exercises

# %% [markdown] tags=["lang-zh"]
# 题目、提示和解答都在 `data/exercises.yaml` 里，答案由模型现算。先自己做：把 `None` 换成你的答案再运行，`check` 只说对不对并给一条提示；提示和解答都折叠着，需要时再点开。开放题没有自动判分，参考答案同样折叠着，教师用书（`docs/teachers_key.md`）里有全部参考答案。

# %% [markdown] tags=["lang-en"]
# The questions, hints and solutions live in `data/exercises.yaml`, and the answers are computed from the model. Work first: replace `None` with your answer and run the cell; `check` says only whether it is right, with one hint. Hints and solutions stay collapsed until you open them. Open questions have no automatic check; their model answers are collapsed too, and all of them are in the teacher's key (`docs/teachers_key.md`).

# %%
from explainer.teaching.exercises import check, exercise, solution

# %% [markdown] tags=["lang-zh"]
# **练习 1

# %% [markdown] tags=["lang-en"]
# Exercise 1**

# %%
exercise("01_district_minutes", LANG)

# %%
answer_1 = None  # 分钟 · minutes
check("01_district_minutes", answer_1, LANG)

# %%
solution("01_district_minutes", LANG)

# %% [markdown] tags=["lang-zh"]
# **练习 2

# %% [markdown] tags=["lang-en"]
# Exercise 2**

# %%
exercise("01_split_sessions", LANG)

# %%
answer_2 = None  # 秒 · seconds
check("01_split_sessions", answer_2, LANG)

# %%
solution("01_split_sessions", LANG)

# %% [markdown] tags=["lang-zh"]
# **练习 3

# %% [markdown] tags=["lang-en"]
# Exercise 3**

# %%
exercise("01_critique_hour", LANG)

# %%
solution("01_critique_hour", LANG)

# %% [markdown] tags=["lang-zh"]
# ## 小结
#
# **小结。** 学时和积分规则把时间变成阶梯：向上取整时，每天半小时零一秒就记一个学时，所以规则本身只要求约半小时，解释不了文中的“一小时左右”；积分指标在封顶之前随时间增长，之后只会让人达不到。规则量的是时长，不是学习。

# %% [markdown] tags=["lang-en"]
# ## Summary
#
# **Summary.** Study-hour and point rules turn time into steps: rounding up, half an hour and one second a day earns a study hour, so the rule alone asks about half an hour and cannot explain the article's “about an hour”; a points quota grows with time until the caps bind, and beyond them only guarantees failure. The rules measure time, not learning.

# %% [markdown]
# ## 8. 延伸阅读 · Further reading

# %% [markdown] tags=["lang-zh"]
# - Campbell, D. T. (1979). Assessing the impact of planned social change. *Evaluation and Program Planning*, 2(1), 67–90. ——量化指标越是用来做决定，就越容易被扭曲（“坎贝尔定律”）。
# - Goodhart, C. A. E. (1975). Problems of monetary management: the U.K. experience. *Papers in Monetary Economics*, vol. 1, Reserve Bank of Australia; Strathern, M. (1997). ‘Improving ratings’: audit in the British University system. *European Review*, 5(3), 305–321. https://www.cambridge.org/core/journals/european-review/article/improving-ratings-audit-in-the-british-university-system/FC2EE640C0C44E3DB87C29FB666E9AAB. ——“当一个指标变成目标，它就不再是好指标。”
# - Kerr, S. (1975). On the folly of rewarding A, while hoping for B. *Academy of Management Journal*, 18(4), 769–783. ——奖励的是时长，希望的却是学习。
# - Holmström, B., & Milgrom, P. (1991). Multitask principal–agent analyses: incentive contracts, asset ownership, and job design. *Journal of Law, Economics, & Organization*, 7 (special issue), 24–52. （第5篇详谈）
# - Goodhue, D. L., & Thompson, R. L. (1995). Task-technology fit and individual performance. *MIS Quarterly*, 19(2), 213–236. doi:10.2307/249689. （第5篇）
# - Merton, R. K. (1940). Bureaucratic structure and personality. *Social Forces*, 18(4), 560–568. https://www.jstor.org/stable/2570634. （第5篇）
# - 中共中央办公厅《关于解决形式主义突出问题为基层减负的通知》（2019年3月）；中办、国办《整治形式主义为基层减负若干规定》（2024年8月）；国务院办公厅《政务移动互联网应用程序规范化管理办法》（国办函〔2026〕12号，2026年1月），其中明确不得把学习时长作为考核依据（第6篇）。我们依据的多是官方解读和转载，引用前请核对原文。
# - 学时取整的其他做法：郑州公务员网络学习按半小时向下取整；云南干部网络学院按课程分档。
#
# 下一篇：[02 · 一个晚上](02_one_night.ipynb)

# %% [markdown] tags=["lang-en"]
# - Campbell, D. T. (1979). Assessing the impact of planned social change. *Evaluation and Program Planning*, 2(1), 67–90. — The more a quantitative indicator drives decisions, the more it is corrupted (Campbell's law).
# - Goodhart, C. A. E. (1975). Problems of monetary management: the U.K. experience. *Papers in Monetary Economics*, vol. 1, Reserve Bank of Australia; Strathern, M. (1997). ‘Improving ratings’: audit in the British University system. *European Review*, 5(3), 305–321. https://www.cambridge.org/core/journals/european-review/article/improving-ratings-audit-in-the-british-university-system/FC2EE640C0C44E3DB87C29FB666E9AAB. — “When a measure becomes a target, it ceases to be a good measure.”
# - Kerr, S. (1975). On the folly of rewarding A, while hoping for B. *Academy of Management Journal*, 18(4), 769–783. — Rewarding time while hoping for learning.
# - Holmström, B., & Milgrom, P. (1991). Multitask principal–agent analyses: incentive contracts, asset ownership, and job design. *Journal of Law, Economics, & Organization*, 7 (special issue), 24–52. (see guide 05)
# - Goodhue, D. L., & Thompson, R. L. (1995). Task-technology fit and individual performance. *MIS Quarterly*, 19(2), 213–236. doi:10.2307/249689. (guide 05)
# - Merton, R. K. (1940). Bureaucratic structure and personality. *Social Forces*, 18(4), 560–568. https://www.jstor.org/stable/2570634. (guide 05)
# - The 2019 notice, the 2024 rules and Guobanhan [2026] No. 12, which bars study duration as an assessment criterion (guide 06). Our sources are mostly official summaries and reprints: check the primary texts before quoting.
# - Other rounding rules: Zhengzhou rounds down to the half hour; Yunnan's cadre platform uses per-course tiers.
#
# Next: [02 · One night](02_one_night.ipynb)
