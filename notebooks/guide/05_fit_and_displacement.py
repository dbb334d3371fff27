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
# # 05 · 任务–工具匹配与目标置换 · Task–tool fit and goal displacement

# %% [markdown] tags=["lang-zh"]
# 前四篇回答“花了多少时间”。这一篇问“为什么会这样”：一件管理工具用在什么样的任务上才合适，以及当考核重重地押在工具能看见的那部分工作上时，人的精力会流向哪里。
#
# 每个文字单元都标明了语言：笔记里中英文都有，静态网页分成中文版和英文版。想看英文图表，把 `LANG` 改成 `"en"` 再从头运行。

# %% [markdown] tags=["lang-en"]
# The first four guides asked how much time. This one asks why: what kind of task a management tool suits, and where people's effort goes when assessment weighs heavily on the part of the work the tool can see.
#
# Each text cell is tagged with its language: the notebook holds both, and the static pages come as a Chinese and an English site. For English charts set `LANG` to `"en"` and run everything again.

# %% [markdown] tags=["lang-zh"]
# **学习目标。** 读完这一篇，你能：（一）从 Holmström–Milgrom 多任务模型推出真工作和刷指标的最优分配；（二）说明一致度 $a$ 怎样由任务类型和工具匹配决定，以及为什么奖励在 $a$ 低时挤掉真工作；（三）把“目标置换”（Merton）和坎贝尔定律对应到模型里的一个量。
#
# **预备知识。** 第1–3篇；一元二次函数求极值（偏导数为零）。

# %% [markdown] tags=["lang-en"]
# **Learning goals.** After this guide you can (1) derive the optimal split between real work and metric work from the Holmström–Milgrom multitask model; (2) explain how the alignment $a$ follows from the kind of task and the tool's fit, and why a reward crowds out real work when $a$ is low; (3) map goal displacement (Merton) and Campbell's law onto one quantity in the model.
#
# **Prerequisites.** Guides 01–03; maximising a quadratic (setting partial derivatives to zero).

# %%
LANG = "zh"  # 图表语言；改成 "en" 即为英文 · chart language; "en" for English

import pandas as pd

from explainer.charts.fit import capability_spec, effort_spec, quadrant_spec
from explainer.teaching.guide import assumption_table, line_spec, show, sweep
from explainer.model.fit import aligned_split, alignment, effort_split, fit_result, fit_score
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
s = reg.default()

# %% [markdown]
# ## 1. 机制 · The mechanism

# %% [markdown] tags=["lang-zh"]
# **工具改变了考核的重点。** 清华大学的梅赐琪认为，APP和小程序让程序性监管变得简单，合规管理的效率提高了，但考核的重点也随之改变（seed §5，“考核重点”）。他举网格员为例：为了确保完成任务，可以设打卡点、监控路线；可一旦在这个过程上押下重奖，网格员原本的目标——管好自己的网格——就让位给了打卡、扫码、拍照，好像打完卡就万事大吉（seed §5，“万事大吉”）。过于严厉的合规管理，会把人变成只做规定动作的“螺丝钉”（seed §5，“螺丝钉”）。白智立说得更直接：APP本是提高效率的手段，却成了目的，手段和目的换了位置（seed §5，“手段与目的置换”）。
#
# **错配。** 几位学者把问题归结为治理机制与工具能力的错配：交给工具的职责超出了它能做到的范围，最后人为了绩效成了“工具的奴隶”（seed §5，“工具的奴隶”）。梅赐琪的建议是两条：降低管理任务的复杂性，提升工具的能力（seed §5，“重点有二”）；并把部门分三类（seed §5，“分为三类”）：监管类部门，合规就是本职，应更好地用电子政务；社保、教育、公共卫生等服务类部门，应弱化监管、强化服务，资源到位即可；负责基层社会文化生活的，政府应逐步退出。
#
#
# 把这几条连起来的是 Baker（2002）的“一致度”（alignment）：一项考核指标好不好用，要看它与真正要追求的价值方向是否一致。模型用它把梅赐琪的“匹配”接到 Holmström–Milgrom 的精力分配上：工具与任务越匹配，它记下的分数就越接近真工作；同样的奖励，押在一致的分数上是在奖励真工作，押在不一致的分数上则把精力引向只有工具看得见的事。
#
# **理论。** 这些说法都有经典的对应。Goodhue 与 Thompson（1995）的“任务–技术匹配”：信息技术只有被使用、并且与它所支持的任务相匹配，才会提高绩效。Merton（1940）的“目标置换”：规则本是手段，却成了目的。Holmström 与 Milgrom（1991）的多任务委托–代理模型：几项任务争夺同一份精力时，对可测任务的强激励会把精力从难测的任务那里拉走；所以有价值的工作难以测量时，激励就该弱一些。

# %% [markdown] tags=["lang-en"]
# **The tool changes what is assessed.** Mei Ciqi of Tsinghua University argues that apps and mini-programs make procedural supervision simple and compliance management more efficient — but they also shift the focus of assessment (seed §5, “考核重点”). His example is the grid worker: check-in points and tracked routes make sure tasks are done; but once a large reward rides on that process, the worker's own goal — looking after the grid — gives way to checking in, scanning codes and taking photos, as if a check-in settled everything (seed §5, “万事大吉”). Compliance management that is too strict turns people into “screws” that only perform the prescribed moves (seed §5, “螺丝钉”). Bai Zhili is blunter: the app was meant as a means to efficiency and has become the end, means and ends trading places (seed §5, “手段与目的置换”).
#
# **Misfit.** Several scholars trace the problem to a mismatch between the governance mechanism and the tool's capability: the tool is given duties beyond what it can do, and people end up as “slaves of the tool” for the sake of performance figures (seed §5, “工具的奴隶”). Mei proposes two levers — make management tasks less complex, make tools more capable (seed §5, “重点有二”) — and three kinds of department (seed §5, “分为三类”): regulatory ones, where compliance is the job and e-government should be used more; public services such as social security, education and health, which should regulate less, serve more and mainly be resourced; and grassroots social and cultural life, from which government should gradually withdraw.
#
# **Theory.** Each claim has a classic counterpart. Goodhue and Thompson's (1995) task–technology fit: information technology improves performance only when it is used *and* fits the tasks it supports. Merton's (1940) displacement of goals: a rule meant as a means becomes an end. Holmström and Milgrom's (1991) multitask principal–agent model: when tasks compete for the same effort, strong incentives on the measurable task pull effort away from the hard-to-measure one; so where valuable work is hard to measure, incentives should be weak.
#
# What ties these together is Baker's (2002) *alignment*: a performance measure is only as useful as its direction agrees with the value it should track. The model uses it to connect Mei's “fit” to the Holmström–Milgrom effort split: the better a tool fits the task, the closer the score it keeps is to real work; the same reward on a well-aligned score pays for real work, on a poorly aligned one it pulls effort towards what only the tool can see.

# %% [markdown]
# ## 2. 公式 · The equations

# %% [markdown] tags=["lang-zh"]
# **匹配与一致度。** 把部门 $d$ 的任务复杂度记为 $\kappa_d$、工具能力记为 $\tau$，都放在 $[0,1]$ 上。匹配度照 Goodhue–Thompson 的思路取两头错配都扣分的 $F_d$；一致度 $a_d$ 是工具记下的分数里“真工作”所占的比重：工具太弱时它只看得见任务的 $\tau/\kappa_d$，工具太强时它要求的只有 $\kappa_d/\tau$ 是任务本身需要的：

# %% [markdown] tags=["lang-en"]
# **Fit and alignment.** Let department $d$'s task complexity be $\kappa_d$ and the tool's capability $\tau$, both on $[0,1]$. Fit $F_d$ follows Goodhue–Thompson, penalising misfit on either side; alignment $a_d$ is the share of the tool's score that real work earns: a tool too weak sees only $\tau/\kappa_d$ of the task, a tool too strong demands $\tau$ where only $\kappa_d$ is the task's own need:

# %% [markdown]
# $$F_d = 1 - |\kappa_d - \tau|, \qquad a_d = \frac{\min(\kappa_d,\ \tau)}{\max(\kappa_d,\ \tau)} .$$

# %% [markdown] tags=["lang-zh"]
# 两者都在 $\kappa_d = \tau$ 时等于1。$a_d$ 的这个形式是**模型自己的假设**：Baker（2002）只给出“一致度”的概念，梅赐琪只给出方向。
#
# **精力分配（Holmström–Milgrom）。** 公务员在“只为工具而做的事”$m$（打卡、点击、拍照）和“真工作”$r$ 之间分配精力。工具记下的分数是 $X = a_d\,r + (1-a_d)\,m + g$，每单位分数奖励 $w$；真工作本身每单位带来 $v$（上级的认可或自己的责任感，梅赐琪说的“责任意识”）；成本里的 $\delta \in [0,1)$ 表示两者争夺时间的程度，每天的精力上限为 $T$：

# %% [markdown] tags=["lang-en"]
# Both equal 1 exactly when $\kappa_d = \tau$. This form of $a_d$ is **the model's own assumption**: Baker (2002) gives the concept of alignment, Mei gives the direction, neither gives a formula.
#
# **Effort split (Holmström–Milgrom).** An official divides effort between work done only for the tool, $m$ (check-ins, clicks, photos), and real work $r$. The tool's score is $X = a_d\,r + (1-a_d)\,m + g$, paid $w$ per unit; real work brings $v$ per unit by itself (a superior's recognition, or the sense of duty Mei calls “责任意识”); $\delta \in [0,1)$ in the cost says how much the two compete for time, and $T$ is the day's effort budget:

# %% [markdown]
# $$\max_{m,\,r\,\ge 0,\ m + r \le T}\quad w\,X + v\,r - \frac{c}{2}\left(m^2 + r^2 + 2\delta\,m\,r\right).$$

# %% [markdown] tags=["lang-zh"]
# 于是 $m$ 的边际奖励是 $w(1-a_d)$，$r$ 的是 $v + w\,a_d$。不受预算约束时，内点解为

# %% [markdown] tags=["lang-en"]
# So $m$ earns $w(1-a_d)$ at the margin and $r$ earns $v + w\,a_d$. Without the budget binding, the interior solution is

# %% [markdown]
# $$m^* = \frac{w(1-a_d) - \delta (v + w a_d)}{c\,(1-\delta^2)}, \qquad r^* = \frac{v + w a_d - \delta w (1-a_d)}{c\,(1-\delta^2)},$$

# %% [markdown] tags=["lang-zh"]
# 任一为负时取边角解。两个极端一目了然：$a_d = 1$（完美匹配）时 $m$ 得不到任何奖励，没有精力被转移；$w = 0$ 时奖励什么也不改变。内点上，$r^*$ 随 $w$ 下降当且仅当 $a_d < \delta/(1+\delta)$；预算卡住后，当且仅当 $a_d < 1/2$。“被转移的精力”就是 $m$；“被挤掉的真工作”是不奖励时的 $r$ 减去奖励时的 $r$。真正的产出是 $Y = r + \lambda m$（刷指标时多少学到一点，$\lambda$；视频放着不看时接近0），$g$ 是插件、代刷带来的“白得”的分数（seed §3，“插件”）。

# %% [markdown] tags=["lang-en"]
# with a corner whenever either is negative. The two limits are plain: with $a_d = 1$ (a perfect fit) $m$ earns nothing and no effort is displaced; with $w = 0$ the reward changes nothing. In the interior, $r^*$ falls with $w$ exactly when $a_d < \delta/(1+\delta)$; once the budget binds, exactly when $a_d < 1/2$. *Displaced effort* is $m$; *crowded-out real work* is $r$ with no reward less $r$ with it. Real output is $Y = r + \lambda m$ (metric work teaches a little, $\lambda$; close to nothing when the video plays unwatched), and $g$ is score that plug-ins and proxy accounts add for free (seed §3, “插件”).

# %% [markdown]
# ## 3. 用模型来算 · Computing with the model

# %% [markdown] tags=["lang-zh"]
# `fit_result(s)` 对三类部门各算一遍；情景自己的部门类型是 `department`（文章没有说它的案例属于哪一类，默认“公共服务类”是假设）。

# %% [markdown] tags=["lang-en"]
# `fit_result(s)` computes all three kinds of department; the scenario's own kind is `department` (the article does not say which kind its cases are; public service as the default is an assumption).

# %%
f = fit_result(s)
f.table.round(3)

# %%
for a in (0.0, 2 / 9, 1 / 3, 2 / 3, 1.0):
    for w in (0.0, 1.5, 3.0):
        e = aligned_split(w, a, v=1.0, c=1.0, delta=s.task_substitution, budget=s.effort_budget)
        print(f"a = {a:.2f}, w = {w:.1f}: m = {e.metric:.2f}, r = {e.real:.2f}  ({e.case})")
print(
    tr(
        f"默认情景（{f.department}）：一致度 {f.alignment:.2f}，真产出 {f.real_output:.2f}，"
        f"被转移的精力 {f.displaced:.2f}，被挤掉的真工作 {f.crowded_out:.2f}。",
        f"Default scenario ({f.department}): alignment {f.alignment:.2f}, real output "
        f"{f.real_output:.2f}, displaced effort {f.displaced:.2f}, crowded-out real work "
        f"{f.crowded_out:.2f}.",
    )
)

# %% [markdown]
# ## 4. 图 · The charts

# %% [markdown] tags=["lang-zh"]
# 第一张图：横轴是任务复杂度，纵轴是工具能力；对角线上是完美匹配，右下方是工具太弱（目标置换），左上方是工具太强（过度控制）。第二张图：在默认的奖励下换工具，三类部门的真实产出（实线）和被转移的精力（虚线）怎样变。第三张图：对本情景的部门，奖励 $w$ 从0加到3，精力、真产出和上报分数怎样变。

# %% [markdown] tags=["lang-en"]
# First chart: task complexity across, tool capability up; the diagonal is a perfect fit, the lower right a tool too weak (displacement), the upper left a tool too strong (over-control). Second chart: at the default reward, how real output (solid) and displaced effort (dashed) move for each kind of department as the tool changes. Third chart: for the scenario's department, as the reward $w$ rises from 0 to 3, how effort, real output and the reported score move.

# %%
show(quadrant_spec(f, LANG))

# %%
show(capability_spec(f, LANG))

# %%
show(effort_spec(f, LANG))

# %% [markdown]
# ## 5. 图说明了什么，没说明什么 · What the charts show, and what they do not

# %% [markdown] tags=["lang-zh"]
# **说明了：**
# - 同一个积分APP（$\tau = 0.2$），对监管类部门一致度约0.67，对公共服务约0.33，对基层社会文化生活事务只有约0.22。一致度越低，同样的奖励就有越多精力流向只有工具看得见的事，真实产出越低；工具能力走到部门任务的复杂度那里，被转移的精力归零。这正是梅赐琪按部门分类、主张“把管理任务的复杂程度和管理工具的能力匹配起来”的理由。
# - 换一个更匹配的工具（一站式平台、电子签章）会改变真实产出，而且只是因为一致度变了；第6篇把改革带来的产出变化拆成“工具”“奖励”“其他”三部分。
# - 奖励并不总是有害：分数与真工作足够一致时（内点上 $a_d \ge \delta/(1+\delta)$），奖励反而让真工作增加。在默认值下，基层社会文化生活事务正好处在门槛上（练习2）；奖励再高，真工作就开始被挤掉，而上报的分数还在上升——坎贝尔定律和古德哈特定律说的就是这个。
#
# **没说明：**
# - $\kappa$、$\tau$ 都是我们放在0到1上的示意数字。文献里的“任务–技术匹配”是通过用户问卷在多个维度上测出来的（Goodhue 1998 验证了12个维度），不是一个数；$F_d$ 和 $a_d$ 都只是帮助思考的简化，$a_d$ 的公式是我们定的。
# - 精力模型只有一个人，没有上级怎样设计激励的那一半；$v$、$c$、$\delta$、$\lambda$ 也都没有经验估计。它说明的是方向（一致度越低、奖励越重，被转移的精力越多），不是大小。
# - 过度控制（工具比任务需要的还强）在模型里只体现为一致度下降；梅赐琪说的“去人格化”、失去主观能动性，没有进入模型。
# - 文章里梅赐琪还说，转向“重过程”本身有积极意义（seed §5，“积极意义”）；模型只描述了代价这一面。

# %% [markdown] tags=["lang-en"]
# **Shown:**
# - The same points app ($\tau = 0.2$) is aligned about 0.67 with a regulatory department's task, about 0.33 with public service and only about 0.22 with grassroots social and cultural life. The lower the alignment, the more of the same reward's pull goes to what only the tool sees, and the lower real output; where the tool's capability meets the department's task complexity, displaced effort is zero. That is the reason behind Mei's classification and his call to match task complexity with tool capability.
# - A better-fitting tool (the one-stop platform, e-signatures) changes real output, and only through alignment; guide 06 splits a reform's change in real output into “tool”, “reward” and “other”.
# - A reward is not always harmful: on a score aligned enough with real work (in the interior, $a_d \ge \delta/(1+\delta)$) it raises real work. At the defaults the grassroots kind sits exactly at the threshold (exercise 2); any stronger reward starts crowding out real work while the reported score keeps rising — which is what Campbell's and Goodhart's laws say.
#
# **Not shown:**
# - $\kappa$ and $\tau$ are illustrative numbers on a 0–1 scale. Task–technology fit in the literature is measured by user questionnaires on several dimensions (Goodhue 1998 validated twelve), not a single number; $F_d$ and $a_d$ are aids to thinking, and the formula for $a_d$ is ours.
# - The effort model has one agent and no principal designing the incentive; $v$, $c$, $\delta$ and $\lambda$ have no empirical estimates. It shows a direction (lower alignment and heavier reward, more displaced effort), not a size.
# - Over-control (a tool stronger than the task needs) appears only as lower alignment; the “depersonalisation” and loss of initiative Mei describes are not in the model.
# - Mei also says the shift towards assessing process has its positive side (seed §5, “积极意义”); the model describes only the cost.

# %% [markdown]
# ## 6. 文章不支持的假设 · Assumptions the article does not support

# %%
assumption_table(
    [
        "complexity_regulatory",
        "complexity_public_service",
        "complexity_grassroots",
        "department",
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

# %% [markdown] tags=["lang-zh"]
# 表里有不少参数标着出自文章：那是说**概念**出自文章（三类部门、电子签章、“确实学到了东西”），**数字**全是我们定的——三类部门的复杂度0.3、0.6、0.9，电子签章的能力0.6，对指标的奖励1.5，学到的比例0.2。$\delta$ 的**形式**来自 Holmström–Milgrom，0.5这个值是我们的。
#
# - **工具能力 $\tau$（积分APP取0.2；0.1–0.35）。** 下面的表把它从0.1调到0.35：三类部门的一致度、真实产出随之变化，但排序不变——基层社会文化生活事务始终最不一致、被转移的精力最多。结论的方向对这个假设不敏感，大小则敏感。
# - **情景的部门类型（默认公共服务类）。** 文章没有说它的案例属于哪一类；换成另外两类，上表的对应一行就是结果。
# - **两项任务争夺时间的程度 $\delta$（0.5；0–0.95）。** 下图在默认奖励下把 $\delta$ 从0调到0.9：$\delta$ 越大，奖励指标损失的真产出越多；$\delta$ 很小时，精力预算会先卡住，损失反而不大。这是整个结论最依赖的一个数。

# %% [markdown] tags=["lang-en"]
# Many parameters in the table are labelled as from the article: the **concepts** are (three kinds of department, e-signatures, “really learnt something”), the **numbers** are all ours — complexities 0.3, 0.6 and 0.9, an e-signature capability of 0.6, a reward of 1.5 on the metric, a learning share of 0.2. The **form** of $\delta$ comes from Holmström–Milgrom; the value 0.5 is ours.
#
# - **Tool capability $\tau$ (points app 0.2; 0.1–0.35).** The table moves it from 0.1 to 0.35: alignment and real output change for each kind, but their order does not — grassroots social and cultural work is always the worst aligned and loses the most effort to the tool. The direction of the conclusion is robust to this assumption; its size is not.
# - **The scenario's kind of department (public service by default).** The article does not say which kind its cases are; for the other two, the matching row of the table is the answer.
# - **How much the two tasks compete, $\delta$ (0.5; 0–0.95).** The chart moves $\delta$ from 0 to 0.9 at the default reward: the larger $\delta$, the more real output the reward on the metric costs; for small $\delta$ the effort budget binds first and the loss is small. No number matters more to the conclusion.

# %%
rows = []
for tau in (0.1, 0.15, 0.2, 0.25, 0.3, 0.35):
    table = fit_result(reg.replace(s, capability_points_app=tau)).table.set_index("department")
    for dept, row in table.iterrows():
        rows.append(
            {
                "capability_points_app": tau,
                "department": dept,
                "alignment": row["alignment"],
                "real_output": row["output"],
                "displaced": row["displaced"],
            }
        )
pd.DataFrame(rows).pivot(index="capability_points_app", columns="department").round(3)

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

# %% [markdown] tags=["lang-zh"]
# 匹配度和一致度的公式也可以直接调用：`fit_score(κ, τ)`、`alignment(κ, τ)`。例如一个能力刚好匹配的工具：

# %% [markdown] tags=["lang-en"]
# The fit and alignment formulas can also be called directly, `fit_score(κ, τ)` and `alignment(κ, τ)`; for instance, a tool that matches exactly:

# %%
fit_score(0.6, 0.6), alignment(0.6, 0.6)

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
exercise("05_zero_real", LANG)

# %%
answer_1 = None  # 奖励强度 w · reward w
check("05_zero_real", answer_1, LANG)

# %%
solution("05_zero_real", LANG)

# %% [markdown] tags=["lang-zh"]
# **练习 2

# %% [markdown] tags=["lang-en"]
# Exercise 2**

# %%
exercise("05_crowding_grassroots", LANG)

# %%
answer_2 = None  # 奖励强度 w · reward w
check("05_crowding_grassroots", answer_2, LANG)

# %%
solution("05_crowding_grassroots", LANG)

# %% [markdown] tags=["lang-zh"]
# **练习 3

# %% [markdown] tags=["lang-en"]
# Exercise 3**

# %%
exercise("05_critique_alignment", LANG)

# %%
solution("05_critique_alignment", LANG)

# %% [markdown] tags=["lang-zh"]
# ## 小结
#
# **小结。** 当分数只看见一部分真工作（一致度 $a$ 低）而两项任务争夺同一份精力时，提高对分数的奖励会挤掉真工作：这就是模型里的目标置换。门槛由 $a$、$\delta$ 和精力预算决定；工具与任务越匹配，$a$ 越高，门槛越高。

# %% [markdown] tags=["lang-en"]
# ## Summary
#
# **Summary.** When the score sees only part of the real work (low alignment $a$) and the two tasks compete for the same effort, a higher reward on the score crowds out real work: goal displacement, in the model. The threshold depends on $a$, $\delta$ and the effort budget; the better the tool fits the task, the higher $a$ and the threshold.

# %% [markdown]
# ## 8. 延伸阅读 · Further reading

# %% [markdown] tags=["lang-zh"]
# - Goodhue, D. L., & Thompson, R. L. (1995). Task-technology fit and individual performance. *MIS Quarterly*, 19(2), 213–236. doi:10.2307/249689. ——任务–技术匹配的原始论文。
# - Goodhue, D. L. (1995). Understanding user evaluations of information systems. *Management Science*, 41(12), 1827–1844; Goodhue, D. L. (1998). Development and measurement validity of a task-technology fit instrument for user evaluations of information systems. *Decision Sciences*, 29(1), 105 ff. doi:10.1111/j.1540-5915.1998.tb01346.x (end page not verified) ——用户能否判断匹配、以及如何测量。
# - Holmström, B., & Milgrom, P. (1991). Multitask principal–agent analyses: incentive contracts, asset ownership, and job design. *Journal of Law, Economics, & Organization*, 7 (special issue), 24–52.
# - Baker, G. (2002). Distortion and risk in optimal incentive contracts. *Journal of Human Resources*, 37(4), 728–751. ——考核指标与价值的“一致度”。
# - Merton, R. K. (1940). Bureaucratic structure and personality. *Social Forces*, 18(4), 560–568. https://www.jstor.org/stable/2570634. ——“目标置换”。
# - Campbell, D. T. (1979). Assessing the impact of planned social change. *Evaluation and Program Planning*, 2(1), 67–90.
# - Goodhart, C. A. E. (1975). Problems of monetary management: the U.K. experience. *Papers in Monetary Economics*, vol. 1, Reserve Bank of Australia; Strathern, M. (1997). ‘Improving ratings’: audit in the British University system. *European Review*, 5(3), 305–321. https://www.cambridge.org/core/journals/european-review/article/improving-ratings-audit-in-the-british-university-system/FC2EE640C0C44E3DB87C29FB666E9AAB.
# - Kerr, S. (1975). On the folly of rewarding A, while hoping for B. *Academy of Management Journal*, 18(4), 769–783.
# - Mei, C. (2020). Policy style, consistency and the effectiveness of the policy mix in China's fight against COVID-19. *Policy and Society*, 39(3), 309–325. doi:10.1080/14494035.2020.1787627 ——政策组合的一致性。 · Consistency of policy mixes. 我们没有找到梅赐琪专门讨论任务复杂度与工具能力匹配的论文；这里的“匹配”来自他在文中的访谈，形式上借用任务–技术匹配理论。
# - 于晓艺、于承洛（2023），《超越“数字形式主义”》，《中国海洋大学学报（社会科学版）》2023(2): 88–96。
# - 国办函〔2026〕12号：不得把APP作为考核的主要载体，不得把点赞、投票、转发、学习时长作为考核依据（第6篇）；2019年通知要求力戒过度留痕；2024年规定：拍照留痕不作为评判工作的依据。
#
# 上一篇：[04 · 层层加码](04_escalation.ipynb) · 下一篇：[06 · 改革](06_reforms.ipynb)

# %% [markdown] tags=["lang-en"]
# - Goodhue, D. L., & Thompson, R. L. (1995). Task-technology fit and individual performance. *MIS Quarterly*, 19(2), 213–236. doi:10.2307/249689. — The original task–technology fit paper.
# - Goodhue, D. L. (1995). Understanding user evaluations of information systems. *Management Science*, 41(12), 1827–1844; Goodhue, D. L. (1998). Development and measurement validity of a task-technology fit instrument for user evaluations of information systems. *Decision Sciences*, 29(1), 105 ff. doi:10.1111/j.1540-5915.1998.tb01346.x (end page not verified) — Whether users can judge fit, and how to measure it.
# - Holmström, B., & Milgrom, P. (1991). Multitask principal–agent analyses: incentive contracts, asset ownership, and job design. *Journal of Law, Economics, & Organization*, 7 (special issue), 24–52.
# - Baker, G. (2002). Distortion and risk in optimal incentive contracts. *Journal of Human Resources*, 37(4), 728–751. — The alignment of a performance measure with value.
# - Merton, R. K. (1940). Bureaucratic structure and personality. *Social Forces*, 18(4), 560–568. https://www.jstor.org/stable/2570634. — The displacement of goals.
# - Campbell, D. T. (1979). Assessing the impact of planned social change. *Evaluation and Program Planning*, 2(1), 67–90.
# - Goodhart, C. A. E. (1975). Problems of monetary management: the U.K. experience. *Papers in Monetary Economics*, vol. 1, Reserve Bank of Australia; Strathern, M. (1997). ‘Improving ratings’: audit in the British University system. *European Review*, 5(3), 305–321. https://www.cambridge.org/core/journals/european-review/article/improving-ratings-audit-in-the-british-university-system/FC2EE640C0C44E3DB87C29FB666E9AAB.
# - Kerr, S. (1975). On the folly of rewarding A, while hoping for B. *Academy of Management Journal*, 18(4), 769–783.
# - Mei, C. (2020). Policy style, consistency and the effectiveness of the policy mix in China's fight against COVID-19. *Policy and Society*, 39(3), 309–325. doi:10.1080/14494035.2020.1787627 — We found no paper by Mei on matching task complexity and tool capability; the idea comes from his interview, formalised with task–technology fit.
# - 于晓艺、于承洛（2023），《超越“数字形式主义”》，《中国海洋大学学报（社会科学版）》2023(2): 88–96。
# - Guobanhan [2026] No. 12 (apps not the main vehicle of assessment; no likes, votes, reposts or study time as criteria) — guide 06; the 2019 notice (curb excessive record-keeping); the 2024 rules (photo traces not a basis for judging work).
#
# Previous: [04 · Escalation](04_escalation.ipynb) · Next: [06 · Reforms](06_reforms.ipynb)
