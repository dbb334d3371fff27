# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 05 · 任务–工具匹配与目标置换 · Task–tool fit and goal displacement
#
# 前四篇回答“花了多少时间”。这一篇问“为什么会这样”：一件管理工具用在什么样的任务上才合适，以及当考核重重地押在工具能看见的那部分工作上时，人的精力会流向哪里。
#
# The first four guides asked how much time. This one asks why: what kind of task a management tool suits, and where people's effort goes when assessment weighs heavily on the part of the work the tool can see.
#
# 每个文字单元先中文、后英文。想看英文图表，把 `LANG` 改成 `"en"` 再从头运行。
#
# Chinese first, then English, in each text cell. For English charts set `LANG` to `"en"` and run everything again.

# %%
LANG = "zh"  # 图表语言；改成 "en" 即为英文 · chart language; "en" for English

import pandas as pd

from explainer.charts.fit import effort_spec, quadrant_spec
from explainer.guide import assumption_table, line_spec, show, sweep
from explainer.model.fit import effort_split, fit_result, fit_score
from explainer.offline import enable_offline_charts
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
# **工具改变了考核的重点。** 清华大学的梅赐琪认为，APP和小程序让程序性监管变得简单，合规管理的效率提高了，但考核的重点也随之改变（seed §5，“考核重点”）。他举网格员为例：为了确保完成任务，可以设打卡点、监控路线；可一旦在这个过程上押下重奖，网格员原本的目标——管好自己的网格——就让位给了打卡、扫码、拍照，好像打完卡就万事大吉（seed §5，“万事大吉”）。过于严厉的合规管理，会把人变成只做规定动作的“螺丝钉”（seed §5，“螺丝钉”）。白智立说得更直接：APP本是提高效率的手段，却成了目的，手段和目的换了位置（seed §5，“手段与目的置换”）。
#
# **错配。** 几位学者把问题归结为治理机制与工具能力的错配：交给工具的职责超出了它能做到的范围，最后人为了绩效成了“工具的奴隶”（seed §5，“工具的奴隶”）。梅赐琪的建议是两条：降低管理任务的复杂性，提升工具的能力（seed §5，“重点有二”）；并把部门分三类（seed §5，“分为三类”）：监管类部门，合规就是本职，应更好地用电子政务；社保、教育、公共卫生等服务类部门，应弱化监管、强化服务，资源到位即可；负责基层社会文化生活的，政府应逐步退出。
#
# **The tool changes what is assessed.** Mei Ciqi of Tsinghua University argues that apps and mini-programs make procedural supervision simple and compliance management more efficient — but they also shift the focus of assessment (seed §5, “考核重点”). His example is the grid worker: check-in points and tracked routes make sure tasks are done; but once a large reward rides on that process, the worker's own goal — looking after the grid — gives way to checking in, scanning codes and taking photos, as if a check-in settled everything (seed §5, “万事大吉”). Compliance management that is too strict turns people into “screws” that only perform the prescribed moves (seed §5, “螺丝钉”). Bai Zhili is blunter: the app was meant as a means to efficiency and has become the end, means and ends trading places (seed §5, “手段与目的置换”).
#
# **Misfit.** Several scholars trace the problem to a mismatch between the governance mechanism and the tool's capability: the tool is given duties beyond what it can do, and people end up as “slaves of the tool” for the sake of performance figures (seed §5, “工具的奴隶”). Mei proposes two levers — make management tasks less complex, make tools more capable (seed §5, “重点有二”) — and three kinds of department (seed §5, “分为三类”): regulatory ones, where compliance is the job and e-government should be used more; public services such as social security, education and health, which should regulate less, serve more and mainly be resourced; and grassroots social and cultural life, from which government should gradually withdraw.
#
# **理论 · Theory.** 这些说法都有经典的对应。Goodhue 与 Thompson（1995）的“任务–技术匹配”：信息技术只有被使用、并且与它所支持的任务相匹配，才会提高绩效。Merton（1940）的“目标置换”：规则本是手段，却成了目的。Holmström 与 Milgrom（1991）的多任务委托–代理模型：几项任务争夺同一份精力时，对可测任务的强激励会把精力从难测的任务那里拉走；所以有价值的工作难以测量时，激励就该弱一些。
#
# Each claim has a classic counterpart. Goodhue and Thompson's (1995) task–technology fit: information technology improves performance only when it is used *and* fits the tasks it supports. Merton's (1940) displacement of goals: a rule meant as a means becomes an end. Holmström and Milgrom's (1991) multitask principal–agent model: when tasks compete for the same effort, strong incentives on the measurable task pull effort away from the hard-to-measure one; so where valuable work is hard to measure, incentives should be weak.

# %% [markdown]
# ## 2. 公式 · The equations
#
# **匹配。** 把部门 $d$ 的任务复杂度记为 $\kappa_d$、工具能力记为 $\tau$，都放在 $[0,1]$ 上；$s \in [0,1]$ 是考核押在过程指标上的力度。两头的错配分开记：工具太弱时是目标置换的风险 $D_d$，工具太强（管得比任务需要的还细）时是过度控制的风险 $O_d$：
#
# **Fit.** Let department $d$'s task complexity be $\kappa_d$ and the tool's capability $\tau$, both on $[0,1]$, and $s \in [0,1]$ the weight assessment puts on the process metric. Misfit on each side is kept apart: a tool too weak for the task risks displacement $D_d$; a tool stronger than the task needs risks over-control $O_d$:
#
# $$F_d = 1 - |\kappa_d - \tau|, \qquad D_d = s\,\max(0,\ \kappa_d - \tau), \qquad O_d = s\,\max(0,\ \tau - \kappa_d).$$
#
# **精力分配（Holmström–Milgrom）。** 公务员在“刷指标”$m$ 和“真工作”$r$ 之间分配精力，指标每单位奖励 $w$，真工作每单位带来 $v$（比如上级的认可或自己的责任感），成本里的 $\delta \in [0,1)$ 表示两者争夺时间的程度，每天的精力上限为 $T$：
#
# **Effort split (Holmström–Milgrom).** An official divides effort between metric work $m$ and real work $r$; the metric pays $w$ per unit, real work $v$ per unit (a superior's recognition, or a sense of duty); $\delta \in [0,1)$ in the cost says how much the two compete for time, and $T$ is the day's effort budget:
#
# $$\max_{m,\,r\,\ge 0,\ m + r \le T}\quad w\,m + v\,r - \frac{c}{2}\left(m^2 + r^2 + 2\delta\,m\,r\right).$$
#
# 不受预算约束时，内点解为 · Without the budget binding, the interior solution is
#
# $$m^* = \frac{w - \delta v}{c\,(1-\delta^2)}, \qquad r^* = \frac{v - \delta w}{c\,(1-\delta^2)},$$
#
# 任一为负时取边角解。真正的产出是 $Y = r + \lambda m$（刷指标时多少学到一点，$\lambda$；视频放着不看时接近0），上报的分数是 $X = m + g$（$g$ 是插件、代刷带来的“白得”的分数，seed §3，“插件”）。
#
# with a corner whenever either is negative. Real output is $Y = r + \lambda m$ (metric work teaches a little, $\lambda$; close to nothing when the video plays unwatched), and the reported score is $X = m + g$ ($g$ is score that plug-ins and proxy accounts add for free; seed §3, “插件”).

# %% [markdown]
# ## 3. 用模型来算 · Computing with the model

# %%
f = fit_result(s)
f.table

# %%
for w in (0.0, 0.5, 1.0, 1.5):
    e = effort_split(w, v=1.0, c=1.0, delta=s.task_substitution, budget=s.effort_budget)
    print(f"w = {w:.1f}: m = {e.metric:.2f}, r = {e.real:.2f}  ({e.case})")
print(
    tr(
        f"默认情景：真产出 {f.real_output:.2f}，上报分数 {f.measured_score:.2f}；"
        f"与不奖励指标相比，少了 {f.output_lost:.2f} 的真产出。",
        f"Default scenario: real output {f.real_output:.2f}, reported score {f.measured_score:.2f}; "
        f"against no reward on the metric, {f.output_lost:.2f} of real output is lost.",
    )
)

# %% [markdown]
# ## 4. 图 · The charts
#
# 第一张图：横轴是任务复杂度，纵轴是工具能力；对角线上是完美匹配，右下方是工具太弱（目标置换），左上方是工具太强（过度控制）。第二张图：对指标的奖励 $w$ 从0加到3，精力、真产出和上报分数怎样变。
#
# First chart: task complexity across, tool capability up; the diagonal is a perfect fit, the lower right a tool too weak (displacement), the upper left a tool too strong (over-control). Second chart: as the reward $w$ on the metric rises from 0 to 3, how effort, real output and the reported score move.

# %%
show(quadrant_spec(f, LANG))

# %%
show(effort_spec(f, LANG))

# %% [markdown]
# ## 5. 图说明了什么，没说明什么 · What the charts show, and what they do not
#
# **说明了：**
# - 同一个打卡/积分APP，对监管类部门大致合适，对基层社会文化事务则差得很远：任务越复杂，简单工具能看到的那部分就越不代表工作本身，押在它上面的奖励就越容易把人引偏。这正是梅赐琪按部门分类的理由。
# - 对指标的奖励越高，刷指标的精力越多、真工作越少，上报的分数却一路上升。分数和产出朝相反方向走——坎贝尔定律和古德哈特定律说的就是这个。
#
# **没说明：**
# - $\kappa$、$\tau$ 都是我们放在0到1上的示意数字。文献里的“任务–技术匹配”是通过用户问卷在多个维度上测出来的（Goodhue 1998 验证了12个维度），不是一个数；这里的 $F_d$ 只是帮助思考的简化。
# - $s$ 把奖励 $w$ 除以3截到 $[0,1]$，这个上限是随手定的。
# - 精力模型只有一个人，没有上级怎样设计激励的那一半；$v$、$c$、$\delta$、$\lambda$ 也都没有经验估计。它说明的是方向（奖励越重、真工作越少），不是大小。
# - 文章里梅赐琪还说，转向“重过程”本身有积极意义（seed §5，“积极意义”）；模型只描述了代价这一面。
#
# **Shown:**
# - The same check-in or points app roughly suits a regulatory department but misses badly for grassroots social and cultural work: the more complex the task, the less what a simple tool can see stands for the work, and the more a reward on it leads people astray. That is the reason behind Mei's classification.
# - The higher the reward on the metric, the more effort goes to farming it and the less to real work, while the reported score keeps rising. Score and output move apart — which is what Campbell's and Goodhart's laws say.
#
# **Not shown:**
# - $\kappa$ and $\tau$ are illustrative numbers on a 0–1 scale. Task–technology fit in the literature is measured by user questionnaires on several dimensions (Goodhue 1998 validated twelve), not a single number; $F_d$ here is an aid to thinking.
# - $s$ divides the reward $w$ by 3 and clips it to $[0,1]$; that top is arbitrary.
# - The effort model has one agent and no principal designing the incentive; $v$, $c$, $\delta$ and $\lambda$ have no empirical estimates. It shows a direction (heavier reward, less real work), not a size.
# - Mei also says the shift towards assessing process has its positive side (seed §5, “积极意义”); the model describes only the cost.

# %% [markdown]
# ## 6. 文章不支持的假设 · Assumptions the article does not support

# %%
assumption_table(
    [
        "complexity_regulatory",
        "complexity_public_service",
        "complexity_grassroots",
        "capability_checkin_app",
        "capability_points_app",
        "capability_esignature",
        "capability_one_stop",
        "metric_reward",
        "task_substitution",
        "effort_budget",
        "metric_learning",
        "gaming",
    ],
    LANG,
)

# %% [markdown]
# 表里有不少参数标着出自文章：那是说**概念**出自文章（三类部门、电子签章、“确实学到了东西”），**数字**全是我们定的——三类部门的复杂度0.3、0.6、0.9，电子签章的能力0.6，对指标的奖励1.5，学到的比例0.2。$\delta$ 的**形式**来自 Holmström–Milgrom，0.5这个值是我们的。
#
# - **工具能力 $\tau$（积分APP取0.2；0.1–0.35）。** 下面的表把它从0.1调到0.35：平均匹配度随之变化，但三类部门的排序不变——基层社会文化事务始终最不匹配。结论的方向对这个假设不敏感，大小则敏感。
# - **两项任务争夺时间的程度 $\delta$（0.5；0–0.95）。** 下图在默认奖励下把 $\delta$ 从0调到0.9：$\delta$ 越大，奖励指标损失的真产出越多；$\delta$ 很小时，精力预算会先卡住，损失反而不大。这是整个结论最依赖的一个数。
#
# Many parameters in the table are labelled as from the article: the **concepts** are (three kinds of department, e-signatures, “really learnt something”), the **numbers** are all ours — complexities 0.3, 0.6 and 0.9, an e-signature capability of 0.6, a reward of 1.5 on the metric, a learning share of 0.2. The **form** of $\delta$ comes from Holmström–Milgrom; the value 0.5 is ours.
#
# - **Tool capability $\tau$ (points app 0.2; 0.1–0.35).** The table moves it from 0.1 to 0.35: mean fit changes, but the order of the departments does not — grassroots social and cultural work always fits worst. The direction of the conclusion is robust to this assumption; its size is not.
# - **How much the two tasks compete, $\delta$ (0.5; 0–0.95).** The chart moves $\delta$ from 0 to 0.9 at the default reward: the larger $\delta$, the more real output the reward on the metric costs; for small $\delta$ the effort budget binds first and the loss is small. No number matters more to the conclusion.

# %%
rows = []
for tau in (0.1, 0.15, 0.2, 0.25, 0.3, 0.35):
    table = fit_result(reg.replace(s, capability_points_app=tau)).table.set_index("department")
    rows.append({"capability_points_app": tau, "mean_fit": table["fit"].mean(), **table["fit"].to_dict()})
pd.DataFrame(rows).round(3)

# %%
lost = sweep(
    s,
    "task_substitution",
    [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.9],
    {"output_lost": lambda x: fit_result(x).output_lost},
)
show(
    line_spec(
        lost,
        "task_substitution",
        "output_lost",
        chart_title=tr("奖励指标损失了多少真产出", "Real output lost to the reward on the metric"),
        x_title=tr("两项任务争夺时间的程度 δ", "how much the tasks compete, δ"),
        y_title=tr("损失的真产出", "real output lost"),
        caption=tr(
            f"对指标的奖励 w = {s.metric_reward}，精力预算 T = {s.effort_budget}；与不奖励指标的同一个人相比。",
            f"Reward on the metric w = {s.metric_reward}, effort budget T = {s.effort_budget}; "
            "against the same official with no reward on the metric.",
        ),
    )
)

# %% [markdown]
# 拟合度的公式也可以直接调用：`fit_score(κ, τ)`。例如一个能力刚好匹配的工具：
#
# The fit formula can also be called directly, `fit_score(κ, τ)`; for instance, a tool that matches exactly:

# %%
fit_score(0.6, 0.6)

# %% [markdown]
# ## 7. 练习 · Exercises
#
# **练习 1 · Exercise 1（`05_zero_real`）。** 设 $v = c = 1$，不考虑精力预算，但两项任务争夺得更厉害：$\delta = 0.8$。对指标的奖励 $w$ 至少多大，真工作 $r^*$ 就降为零？容差 ±0.02。先用公式推，再用 `effort_split` 验证。
#
# Let $v = c = 1$, no effort budget, but the tasks compete harder: $\delta = 0.8$. From what reward $w$ on the metric does real work $r^*$ fall to zero? Tolerance ±0.02. Derive it from the formula, then confirm with `effort_split`.

# %%
from explainer.exercises import check

answer_1 = None  # w
check("05_zero_real", answer_1)

# %% [markdown]
# **练习 2 · Exercise 2（`05_mean_fit_esignature`）。** 尚虎平建议用电子签章考勤（seed §5，“电子签章”）。其余按默认，把工具换成电子签章（`tool="esignature"`），三类部门的平均匹配度是多少？容差 ±0.01。哪一类部门反而出现了“过度控制”的风险？
#
# Shang Huping proposes e-signature attendance (seed §5, “电子签章”). With all else at defaults, switch the tool to e-signatures (`tool="esignature"`): what is the mean fit over the three departments? Tolerance ±0.01. Which department now faces a risk of over-control instead?

# %%
answer_2 = None  # 0 到 1 之间 · between 0 and 1
check("05_mean_fit_esignature", answer_2)

# %% [markdown]
# ## 8. 延伸阅读 · Further reading
#
# - Goodhue, D. L., & Thompson, R. L. (1995). Task-technology fit and individual performance. *MIS Quarterly*, 19(2), 213–236. doi:10.2307/249689 ——任务–技术匹配的原始论文。 · The original task–technology fit paper.
# - Goodhue, D. L. (1995). Understanding user evaluations of information systems. *Management Science*, 41(12), 1827–1844; Goodhue, D. L. (1998). *Decision Sciences*, 29(1) ——用户能否判断匹配、以及如何测量。 · Whether users can judge fit, and how to measure it.
# - Holmström, B., & Milgrom, P. (1991). Multitask principal–agent analyses: incentive contracts, asset ownership, and job design. *Journal of Law, Economics, & Organization*, 7 (special issue), 24–52.
# - Merton, R. K. (1940). Bureaucratic structure and personality. *Social Forces*, 18(4), 560–568. ——“目标置换”。 · The displacement of goals.
# - Campbell, D. T. (1979). Assessing the impact of planned social change. *Evaluation and Program Planning*, 2(1), 67–90.
# - Goodhart, C. A. E. (1975). Problems of monetary management: the U.K. experience; Strathern, M. (1997). ‘Improving ratings’: audit in the British University system. *European Review*, 5(3), 305–321.
# - Kerr, S. (1975). On the folly of rewarding A, while hoping for B. *Academy of Management Journal*, 18(4), 769–783.
# - Mei, C. (2020). *Policy and Society*, 39(3), 309–325. doi:10.1080/14494035.2020.1787627 ——政策组合的一致性。 · Consistency of policy mixes. 我们没有找到梅赐琪专门讨论任务复杂度与工具能力匹配的论文；这里的“匹配”来自他在文中的访谈，形式上借用任务–技术匹配理论。 · We found no paper by Mei on matching task complexity and tool capability; the idea comes from his interview, formalised with task–technology fit.
# - 于晓艺、于承洛（2023），《超越“数字形式主义”》，《中国海洋大学学报（社会科学版）》2023(2): 88–96。
# - 国办函〔2026〕12号：不得把APP作为考核的主要载体，不得把点赞、投票、转发、学习时长作为考核依据（第6篇）；2019年通知要求力戒过度留痕；2024年规定：拍照留痕不作为评判工作的依据。 · Guobanhan [2026] No. 12 (apps not the main vehicle of assessment; no likes, votes, reposts or study time as criteria) — guide 06; the 2019 notice (curb excessive record-keeping); the 2024 rules (photo traces not a basis for judging work).
#
# 上一篇 · Previous: [04](04_escalation.ipynb) · 下一篇 · Next: [06 · 改革 · Reforms](06_reforms.ipynb)
