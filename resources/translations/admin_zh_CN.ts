<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<!-- The back office (issue 12): the administration window, starpos admin, the
     set-up checklist, the names of records in refusals (context terms). -->
<context>
    <name>errors</name>
    <message>
        <source>Charge item {item} is a percentage of a sale's amount, and a meter replacement has no amount to take it of. Choose a charge item with a fixed amount.</source>
        <translation>收费项目 {item} 按售电金额的百分比计算，而换表没有可计算的金额。请选择固定金额的收费项目。</translation>
    </message>
    <message>
        <source>There is already a {what} with the code {code}. Choose another code.</source>
        <translation>已有编码为 {code} 的{what}。请选择其他编码。</translation>
    </message>
    <message>
        <source>There is no {what} with the code {code}. Check the code in the list.</source>
        <translation>没有编码为 {code} 的{what}。请在列表中核对编码。</translation>
    </message>
    <message>
        <source>Cannot delete {what} {code}: it is still used by {users} ({count}). Change those first, or keep it.</source>
        <translation>无法删除{what} {code}：仍有{users}在使用它（{count} 个）。请先修改它们，或保留它。</translation>
    </message>
    <message>
        <source>{field} cannot be {value}: {reason}</source>
        <translation>{field} 不能为 {value}：{reason}</translation>
    </message>
    <message>
        <source>{code} is not a usable code: use 1 to 20 letters, digits, '-' or '_', without spaces.</source>
        <translation>{code} 不是可用的编码：请使用 1 到 20 个字母、数字、“-”或“_”，不含空格。</translation>
    </message>
    <message>
        <source>Meter {number} is installed for customer {customer}: cancel its contract first (the meter then returns to stock).</source>
        <translation>电表 {number} 已为客户 {customer} 安装：请先取消其合同（电表随后回到库存）。</translation>
    </message>
    <message>
        <source>This computer is terminal {terminal}, which is not active: nobody may log in on it. An administrator can make it active under Terminals.</source>
        <translation>本机是终端 {terminal}，该终端未启用：任何人都不能在其上登录。管理员可在“终端”中启用它。</translation>
    </message>
    <message>
        <source>The file {file} has no column {columns}. Its first line must name the columns (see docs/csv-formats.md).</source>
        <translation>文件 {file} 没有列 {columns}。第一行必须列出各列名称（见 docs/csv-formats.md）。</translation>
    </message>
    <message>
        <source>The file {file} cannot be read as UTF-8 CSV: {reason}.</source>
        <translation>文件 {file} 无法作为 UTF-8 CSV 读取：{reason}。</translation>
    </message>
    <message>
        <source>The file {file} was not imported: {count} row(s) have problems (the first on line {line}, column {column}). Nothing was written; fix the rows named and import the whole file again.</source>
        <translation>文件 {file} 未导入：{count} 行有问题（第一处在第 {line} 行，{column} 列）。未写入任何数据；请修正所列各行后重新导入整个文件。</translation>
    </message>
    <message>
        <source>{value} is also on line {other}; each may be in the file only once.</source>
        <translation>{value} 也出现在第 {other} 行；每项在文件中只能出现一次。</translation>
    </message>
    <message>
        <source>{value} is not allowed here: give {allowed}.</source>
        <translation>此处不允许 {value}：请填写 {allowed}。</translation>
    </message>
    <message>
        <source>There is already an operator with the code {operator}. Choose another code.</source>
        <translation>已有编码为 {operator} 的操作员。请选择其他编码。</translation>
    </message>
    <message>
        <source>There is already an operator role with the code {role}. Choose another code.</source>
        <translation>已有编码为 {role} 的操作员角色。请选择其他编码。</translation>
    </message>
    <message>
        <source>The role {role} is given to {count} operator(s) ({operators}): take it from them before deleting it.</source>
        <translation>角色 {role} 已分配给 {count} 个操作员（{operators}）：删除前请先从他们那里撤销。</translation>
    </message>
    <message>
        <source>There is no sales point {sales_point}. Choose one from Sales Points.</source>
        <translation>没有售电点 {sales_point}。请从“售电点”中选择。</translation>
    </message>
    <message>
        <source>Operator {operator} is the last one who may edit operators: keep their login allowed, or give another operator that right first.</source>
        <translation>操作员 {operator} 是最后一个可以编辑操作员的人：请保留其登录权限，或先把该权限授予其他操作员。</translation>
    </message>
</context>
<context>
    <name>terms</name>
    <message>
        <source>branch</source>
        <translation>分支机构</translation>
    </message>
    <message>
        <source>sales point</source>
        <translation>售电点</translation>
    </message>
    <message>
        <source>terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>payment term</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>meter model</source>
        <translation>电表型号</translation>
    </message>
    <message>
        <source>charge item</source>
        <translation>收费项目</translation>
    </message>
    <message>
        <source>customer type</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>tariff</source>
        <translation>电价</translation>
    </message>
    <message>
        <source>operator role</source>
        <translation>操作员角色</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>meter</source>
        <translation>电表</translation>
    </message>
    <message>
        <source>sales</source>
        <translation>售电记录</translation>
    </message>
    <message>
        <source>terminals</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>operators</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>meters</source>
        <translation>电表</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>sales points</source>
        <translation>售电点</translation>
    </message>
    <message>
        <source>customer types</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>replacement reasons</source>
        <translation>换表原因</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Meter range</source>
        <translation>电表号段</translation>
    </message>
    <message>
        <source>give the three-letter ISO 4217 code, like USD.</source>
        <translation>请填写三个字母的 ISO 4217 代码，例如 USD。</translation>
    </message>
    <message>
        <source>give a time zone name like Africa/Lagos.</source>
        <translation>请填写时区名称，例如 Africa/Lagos。</translation>
    </message>
    <message>
        <source>give an amount above 0.</source>
        <translation>请填写大于 0 的金额。</translation>
    </message>
    <message>
        <source>it must not be empty.</source>
        <translation>不能为空。</translation>
    </message>
    <message>
        <source>stock in at most 100,000 meters at a time.</source>
        <translation>每次最多入库 100,000 块电表。</translation>
    </message>
    <message>
        <source>the first and the last meter must have the same manufacturer code.</source>
        <translation>第一块和最后一块电表的厂商代码必须相同。</translation>
    </message>
    <message>
        <source>the last meter must come after the first.</source>
        <translation>最后一块电表必须排在第一块之后。</translation>
    </message>
    <message>
        <source>give at most 10 default amounts.</source>
        <translation>最多填写 10 个默认金额。</translation>
    </message>
    <message>
        <source>region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>bank</source>
        <translation>银行</translation>
    </message>
    <message>
        <source>replacement reason</source>
        <translation>换表原因</translation>
    </message>
    <message>
        <source>meter replacements</source>
        <translation>换表记录</translation>
    </message>
    <message>
        <source>Company and currency (system parameters)</source>
        <translation>公司与币种（系统参数）</translation>
    </message>
    <message>
        <source>A sales point (with its branch)</source>
        <translation>一个售电点（及其分支机构）</translation>
    </message>
    <message>
        <source>This computer as a terminal of a sales point</source>
        <translation>本机作为某售电点的终端</translation>
    </message>
    <message>
        <source>A meter model</source>
        <translation>一个电表型号</translation>
    </message>
    <message>
        <source>A tariff</source>
        <translation>一个电价</translation>
    </message>
    <message>
        <source>A customer type</source>
        <translation>一个客户类型</translation>
    </message>
    <message>
        <source>Default amounts (the cashier's quick amounts)</source>
        <translation>默认金额（收银员的快捷金额）</translation>
    </message>
    <message>
        <source>An operator for the counter (who may sell)</source>
        <translation>一名柜台操作员（可售电）</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Branches</source>
        <translation>分支机构</translation>
    </message>
    <message>
        <source>Sales points</source>
        <translation>售电点</translation>
    </message>
    <message>
        <source>Terminals (computers)</source>
        <translation>终端（计算机）</translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Banks</source>
        <translation>银行</translation>
    </message>
    <message>
        <source>Meter models</source>
        <translation>电表型号</translation>
    </message>
    <message>
        <source>Charge items</source>
        <translation>收费项目</translation>
    </message>
    <message>
        <source>Customer types</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>Meter replacement reasons</source>
        <translation>换表原因</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>分支机构</translation>
    </message>
    <message>
        <source>Forbid to sales</source>
        <translation>禁止售电</translation>
    </message>
    <message>
        <source>Sales point</source>
        <translation>售电点</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Pay type</source>
        <translation>付费类型</translation>
    </message>
    <message>
        <source>Phases (1 or 3)</source>
        <translation>相数（1 或 3）</translation>
    </message>
    <message>
        <source>CT ratio</source>
        <translation>CT 变比</translation>
    </message>
    <message>
        <source>PT ratio</source>
        <translation>PT 变比</translation>
    </message>
    <message>
        <source>Using life (years)</source>
        <translation>使用寿命（年）</translation>
    </message>
    <message>
        <source>Pre-installed amount</source>
        <translation>预装金额</translation>
    </message>
    <message>
        <source>Calculate method</source>
        <translation>计算方式</translation>
    </message>
    <message>
        <source>Percentage</source>
        <translation>百分比</translation>
    </message>
    <message>
        <source>Calculate VAT</source>
        <translation>计算增值税</translation>
    </message>
    <message>
        <source>VAT (%)</source>
        <translation>增值税（%）</translation>
    </message>
    <message>
        <source>Prearrange amount</source>
        <translation>预约金额</translation>
    </message>
    <message>
        <source>Repayment method</source>
        <translation>还款方式</translation>
    </message>
    <message>
        <source>Repayment amount</source>
        <translation>还款金额</translation>
    </message>
    <message>
        <source>Repayment percentage</source>
        <translation>还款百分比</translation>
    </message>
    <message>
        <source>Free basic electricity (kWh a month)</source>
        <translation>免费基本电量（每月 kWh）</translation>
    </message>
</context>
<context>
    <name>admin</name>
    <message>
        <source>Charges</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>C&amp;harges (F3)</source>
        <translation>费用(&amp;H)（F3）</translation>
    </message>
    <message>
        <source>Charges of replacement reason {code}</source>
        <translation>换表原因 {code} 的费用</translation>
    </message>
    <message>
        <source>Tick the charges a replacement for this reason costs (Space).</source>
        <translation>勾选此原因换表需收取的费用（空格键）。</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>代码(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Holidays</source>
        <translation>节假日(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>Add &amp;step</source>
        <translation>添加阶梯(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Price per kWh</source>
        <translation>每 kWh 价格(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Remove last step</source>
        <translation>删除最后一档(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Seasons</source>
        <translation>季节(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Value</source>
        <translation>数值(&amp;V)</translation>
    </message>
    <message>
        <source>A date in the future makes a backup tariff: sales keep the price in force until then.</source>
        <translation>未来日期即为备用费率：在此之前的售电仍按现行价格。</translation>
    </message>
    <message>
        <source>Customer t&amp;ype</source>
        <translation>客户类型(&amp;Y)</translation>
    </message>
    <message>
        <source>Day tariff &amp;{number}</source>
        <translation>日费率 &amp;{number}</translation>
    </message>
    <message>
        <source>Day tariff {number} switches twice at the same time; keep one.</source>
        <translation>日费率 {number} 在同一时间切换了两次；请只保留一个。</translation>
    </message>
    <message>
        <source>Day tariff {number}: T{index} is not an index; use T1 to T4.</source>
        <translation>日费率 {number}：T{index} 不是费率索引；请使用 T1 至 T4。</translation>
    </message>
    <message>
        <source>Day tariff {number}: {text} is not a switch. Write a time HH:MM and an index T1 to T4, such as 08:00 T3.</source>
        <translation>日费率 {number}：{text} 不是切换点。请写时间 HH:MM 和索引 T1 至 T4，例如 08:00 T3。</translation>
    </message>
    <message>
        <source>Day tariffs</source>
        <translation>日费率</translation>
    </message>
    <message>
        <source>Delete tariff {code} and all its versions?</source>
        <translation>删除费率 {code} 及其所有版本？</translation>
    </message>
    <message>
        <source>End (kWh)</source>
        <translation>终止 (kWh)</translation>
    </message>
    <message>
        <source>Energy wanted (kWh)</source>
        <translation>所需电量 (kWh)</translation>
    </message>
    <message>
        <source>Flat price</source>
        <translation>单一电价</translation>
    </message>
    <message>
        <source>Free basic electricity: {kwh} kWh</source>
        <translation>免费基本电量：{kwh} kWh</translation>
    </message>
    <message>
        <source>Give the scheme a code, such as RES-STEP.</source>
        <translation>请为方案输入代码，例如 RES-STEP。</translation>
    </message>
    <message>
        <source>In force &amp;from</source>
        <translation>生效时间(&amp;F)</translation>
    </message>
    <message>
        <source>In force from</source>
        <translation>生效时间</translation>
    </message>
    <message>
        <source>Index prices</source>
        <translation>索引电价</translation>
    </message>
    <message>
        <source>Net amount paid</source>
        <translation>实付金额</translation>
    </message>
    <message>
        <source>New &amp;version (F2)</source>
        <translation>新版本(&amp;V) (F2)</translation>
    </message>
    <message>
        <source>New tariff scheme</source>
        <translation>新费率方案</translation>
    </message>
    <message>
        <source>New version of tariff {code}</source>
        <translation>费率 {code} 的新版本</translation>
    </message>
    <message>
        <source>Next version from</source>
        <translation>下一版本生效时间</translation>
    </message>
    <message>
        <source>Preview: a sample purchase</source>
        <translation>预览：示例购电</translation>
    </message>
    <message>
        <source>Sample &amp;given as</source>
        <translation>示例方式(&amp;G)</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Price per kWh</source>
        <translation>每 kWh 价格</translation>
    </message>
    <message>
        <source>Priced with the saved version from {when}.</source>
        <translation>按 {when} 起的已保存版本计价。</translation>
    </message>
    <message>
        <source>Priced with the version being edited, from {when}.</source>
        <translation>按正在编辑的版本计价，自 {when} 起。</translation>
    </message>
    <message>
        <source>Sale &amp;time</source>
        <translation>售电时间(&amp;T)</translation>
    </message>
    <message>
        <source>Seasons and holidays</source>
        <translation>季节与节假日</translation>
    </message>
    <message>
        <source>Seasons: a week tariff from a date on each year, such as 05-01 W1, 11-01 W2. Holidays: a day tariff on a date, every year (01-01 D2) or once (2027-10-01 D2); a holiday wins over the week.</source>
        <translation>季节：每年从某日起使用的周费率，例如 05-01 W1, 11-01 W2。节假日：某日使用的日费率，每年（01-01 D2）或仅一次（2027-10-01 D2）；节假日优先于周费率。</translation>
    </message>
    <message>
        <source>Start (kWh)</source>
        <translation>起始 (kWh)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>阶梯</translation>
    </message>
    <message>
        <source>Step tariff</source>
        <translation>阶梯电价</translation>
    </message>
    <message>
        <source>Step {number}</source>
        <translation>第 {number} 档</translation>
    </message>
    <message>
        <source>Steps count the energy a meter buys in a calendar month. Leave the last end empty: energy beyond it costs the last price. The manual's example: 200 at 0.60, 500 at 0.75, then 1.00; 600 kWh cost 445.</source>
        <translation>阶梯按电表在一个自然月内购买的电量计算。最后一档的终止值留空：超出部分按最后的价格计。手册示例：200 以内 0.60，500 以内 0.75，其后 1.00；600 kWh 共 445。</translation>
    </message>
    <message>
        <source>Switch times and the index from then on, such as 01:00 T1, 08:00 T3, 18:00 T4, 22:00 T2. Before the first time the last index runs on. An empty day tariff 1 is T1 all day.</source>
        <translation>切换时间及其后的索引，例如 01:00 T1, 08:00 T3, 18:00 T4, 22:00 T2。第一个时间之前沿用最后一个索引。日费率 1 留空即全天 T1。</translation>
    </message>
    <message>
        <source>T&amp;{index} price per kWh</source>
        <translation>T&amp;{index} 每 kWh 价格</translation>
    </message>
    <message>
        <source>Tariff schemes</source>
        <translation>费率方案</translation>
    </message>
    <message>
        <source>Tariff {code} already has a version from {when}; saved versions are never changed. Choose another date and time.</source>
        <translation>费率 {code} 已有 {when} 起的版本；已保存的版本不会被修改。请选择其他日期和时间。</translation>
    </message>
    <message>
        <source>The day tariff of each day, Monday to Sunday, such as 1 1 1 1 1 2 2. An empty week tariff 1 uses day tariff 1 every day.</source>
        <translation>每天使用的日费率，周一至周日，例如 1 1 1 1 1 2 2。周费率 1 留空即每天使用日费率 1。</translation>
    </message>
    <message>
        <source>The preview waits for the tariff to be complete.</source>
        <translation>费率填写完整后显示预览。</translation>
    </message>
    <message>
        <source>The price of each tariff index T1 to T4 (all four are needed).</source>
        <translation>各费率索引 T1 至 T4 的价格（四个都需要）。</translation>
    </message>
    <message>
        <source>Time of use</source>
        <translation>分时电价</translation>
    </message>
    <message>
        <source>T{index} has no price: give the prices of all four indexes T1 to T4.</source>
        <translation>T{index} 没有价格：请填写 T1 至 T4 全部四个索引的价格。</translation>
    </message>
    <message>
        <source>T{index} is in force at the sale time: {kwh} kWh at {price}</source>
        <translation>售电时间适用 T{index}：{kwh} kWh，单价 {price}</translation>
    </message>
    <message>
        <source>Version in force</source>
        <translation>现行版本</translation>
    </message>
    <message>
        <source>Week tariff &amp;{number}</source>
        <translation>周费率 &amp;{number}</translation>
    </message>
    <message>
        <source>Week tariff {number}: give seven day tariffs 1 to 8, Monday to Sunday, such as 1 1 1 1 1 2 2.</source>
        <translation>周费率 {number}：请给出周一至周日七个日费率（1 至 8），例如 1 1 1 1 1 2 2。</translation>
    </message>
    <message>
        <source>Week tariffs</source>
        <translation>周费率</translation>
    </message>
    <message>
        <source>You may look at the tariffs; changing them needs the permission “Change tariffs and charges”.</source>
        <translation>您可以查看费率；修改需要“修改费率和费用”权限。</translation>
    </message>
    <message>
        <source>above {start} kWh</source>
        <translation>{start} kWh 以上</translation>
    </message>
    <message>
        <source>day tariff</source>
        <translation>日费率</translation>
    </message>
    <message>
        <source>flat</source>
        <translation>单一</translation>
    </message>
    <message>
        <source>kWh &amp;bought earlier this month</source>
        <translation>本月已购 kWh(&amp;B)</translation>
    </message>
    <message>
        <source>no end</source>
        <translation>无上限</translation>
    </message>
    <message>
        <source>step</source>
        <translation>阶梯</translation>
    </message>
    <message>
        <source>time of use</source>
        <translation>分时</translation>
    </message>
    <message>
        <source>week tariff</source>
        <translation>周费率</translation>
    </message>
    <message>
        <source>{letter}{number} names {what} {number}, which is not defined.</source>
        <translation>{letter}{number} 指向{what} {number}，但它尚未定义。</translation>
    </message>
    <message>
        <source>{span}: {kwh} kWh at {price}</source>
        <translation>{span}：{kwh} kWh，单价 {price}</translation>
    </message>
    <message>
        <source>{start} to {end} kWh</source>
        <translation>{start} 至 {end} kWh</translation>
    </message>
    <message>
        <source>{text} is not a date and a tariff: write it like {example}.</source>
        <translation>{text} 不是日期加费率：请按 {example} 的格式填写。</translation>
    </message>
    <message>
        <source>{version} of {versions}</source>
        <translation>第 {version} / {versions} 版</translation>
    </message>
    <message>
        <source>{what} ends at {end} kWh, not after its start at {start} kWh: each step must end above the one before.</source>
        <translation>{what}止于 {end} kWh，没有超过其起点 {start} kWh：每一档的终止值必须高于前一档。</translation>
    </message>
    <message>
        <source>{what} has no end: only the last step may be open.</source>
        <translation>{what}没有终止值：只有最后一档可以不设上限。</translation>
    </message>
    <message>
        <source>{what}: {text} is not a price. Type a positive number per kWh with at most 6 decimals, such as 0.75.</source>
        <translation>{what}：{text} 不是价格。请输入每 kWh 的正数，最多 6 位小数，例如 0.75。</translation>
    </message>
    <message>
        <source>{what}: {text} is not an energy. Type kWh with at most one decimal, such as 200.</source>
        <translation>{what}：{text} 不是电量。请输入 kWh，最多一位小数，例如 200。</translation>
    </message>
    <message>
        <source>Company and currency (system parameters)</source>
        <translation>公司与币种（系统参数）</translation>
    </message>
    <message>
        <source>A sales point (with its branch)</source>
        <translation>一个售电点（及其分支机构）</translation>
    </message>
    <message>
        <source>This computer as a terminal of a sales point</source>
        <translation>本机作为某售电点的终端</translation>
    </message>
    <message>
        <source>A meter model</source>
        <translation>一个电表型号</translation>
    </message>
    <message>
        <source>A tariff</source>
        <translation>一个电价</translation>
    </message>
    <message>
        <source>A customer type</source>
        <translation>一个客户类型</translation>
    </message>
    <message>
        <source>Default amounts (the cashier's quick amounts)</source>
        <translation>默认金额（收银员的快捷金额）</translation>
    </message>
    <message>
        <source>An operator for the counter (who may sell)</source>
        <translation>一名柜台操作员（可售电）</translation>
    </message>
    <message>
        <source>The terminal in the numbering of sales and replacements (a sales point has several terminals, each would make the same bill numbers)</source>
        <translation>在售电和换表的单据编号中加入终端（某售电点有多台终端，各自会生成相同的单据号）</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Branches</source>
        <translation>分支机构</translation>
    </message>
    <message>
        <source>Sales points</source>
        <translation>售电点</translation>
    </message>
    <message>
        <source>Terminals (computers)</source>
        <translation>终端（计算机）</translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Banks</source>
        <translation>银行</translation>
    </message>
    <message>
        <source>Meter models</source>
        <translation>电表型号</translation>
    </message>
    <message>
        <source>Charge items</source>
        <translation>收费项目</translation>
    </message>
    <message>
        <source>Customer types</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>Meter replacement reasons</source>
        <translation>换表原因</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>分支机构</translation>
    </message>
    <message>
        <source>Forbid to sales</source>
        <translation>禁止售电</translation>
    </message>
    <message>
        <source>Sales point</source>
        <translation>售电点</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Pay type</source>
        <translation>付费类型</translation>
    </message>
    <message>
        <source>Phases (1 or 3)</source>
        <translation>相数（1 或 3）</translation>
    </message>
    <message>
        <source>CT ratio</source>
        <translation>CT 变比</translation>
    </message>
    <message>
        <source>PT ratio</source>
        <translation>PT 变比</translation>
    </message>
    <message>
        <source>Using life (years)</source>
        <translation>使用寿命（年）</translation>
    </message>
    <message>
        <source>Pre-installed amount</source>
        <translation>预装金额</translation>
    </message>
    <message>
        <source>Calculate method</source>
        <translation>计算方式</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Percentage</source>
        <translation>百分比</translation>
    </message>
    <message>
        <source>Calculate VAT</source>
        <translation>计算增值税</translation>
    </message>
    <message>
        <source>VAT (%)</source>
        <translation>增值税（%）</translation>
    </message>
    <message>
        <source>Prearrange amount</source>
        <translation>预约金额</translation>
    </message>
    <message>
        <source>Repayment method</source>
        <translation>还款方式</translation>
    </message>
    <message>
        <source>Repayment amount</source>
        <translation>还款金额</translation>
    </message>
    <message>
        <source>Repayment percentage</source>
        <translation>还款百分比</translation>
    </message>
    <message>
        <source>Free basic electricity (kWh a month)</source>
        <translation>免费基本电量（每月 kWh）</translation>
    </message>
    <message>
        <source>StarPOS administration</source>
        <translation>StarPOS 管理</translation>
    </message>
    <message>
        <source>Set-up checklist</source>
        <translation>设置清单</translation>
    </message>
    <message>
        <source>System parameters</source>
        <translation>系统参数</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete {kind} {code}?</source>
        <translation>删除{kind} {code}？</translation>
    </message>
    <message>
        <source>What a utility needs before the counter can sell. Choose an item with the arrow keys and press Enter to open its screen.</source>
        <translation>柜台售电前供电公司需要完成的设置。用方向键选择一项，按回车键打开对应界面。</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>to do</source>
        <translation>待完成</translation>
    </message>
    <message>
        <source>The utility is ready to sell.</source>
        <translation>供电公司已可以售电。</translation>
    </message>
    <message>
        <source>{count} item(s) still to do.</source>
        <translation>还有 {count} 项待完成。</translation>
    </message>
    <message>
        <source>New record: {kind}</source>
        <translation>新建记录：{kind}</translation>
    </message>
    <message>
        <source>{field} is not a number: type digits with at most one '.'.</source>
        <translation>{field} 不是数字：请输入数字，最多一个“.”。</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <source>Code, name or any value</source>
        <translation>编码、名称或任意值</translation>
    </message>
    <message>
        <source>E&amp;xact</source>
        <translation>精确(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Add (Ins)</source>
        <translation>新增(&amp;A)（Ins）</translation>
    </message>
    <message>
        <source>&amp;Edit (F2)</source>
        <translation>编辑(&amp;E)（F2）</translation>
    </message>
    <message>
        <source>&amp;Delete (Del)</source>
        <translation>删除(&amp;D)（Del）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>{shown} of {total}</source>
        <translation>{shown} / {total}</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>公司名称</translation>
    </message>
    <message>
        <source>Tax reference</source>
        <translation>税号</translation>
    </message>
    <message>
        <source>Currency (ISO 4217)</source>
        <translation>币种（ISO 4217）</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Warn amount</source>
        <translation>警告金额</translation>
    </message>
    <message>
        <source>Amount decimals</source>
        <translation>金额小数位</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>blacklisted</source>
        <translation>黑名单</translation>
    </message>
    <message>
        <source>Meters</source>
        <translation>电表</translation>
    </message>
    <message>
        <source>Customer type</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Debt</source>
        <translation>欠款</translation>
    </message>
    <message>
        <source>Code, name, ID number or meter number</source>
        <translation>编码、姓名、证件号或电表号</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>{count} shown (the first {page} by code)</source>
        <translation>显示 {count} 条（按编码的前 {page} 条）</translation>
    </message>
    <message>
        <source>Default amounts</source>
        <translation>默认金额</translation>
    </message>
    <message>
        <source>The amounts of the cashier's quick keys, F1 first, separated by spaces (at most 10). Enter saves.</source>
        <translation>收银员快捷键的金额，从 F1 开始，用空格分隔（最多 10 个）。按回车键保存。</translation>
    </message>
    <message>
        <source>login forbidden</source>
        <translation>禁止登录</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>must change password</source>
        <translation>须修改密码</translation>
    </message>
    <message>
        <source>all rights</source>
        <translation>全部权限</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>New operator</source>
        <translation>新建操作员</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>临时密码</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>&amp;Forbid or allow login (F8)</source>
        <translation>禁止或允许登录(&amp;F)（F8）</translation>
    </message>
    <message>
        <source>&amp;Unlock (F9)</source>
        <translation>解锁(&amp;U)（F9）</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Done: {what}.</source>
        <translation>完成：{what}。</translation>
    </message>
    <message>
        <source>line {line}, column {column}: {why}</source>
        <translation>第 {line} 行，{column} 列：{why}</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>to do</source>
        <translation>待完成</translation>
    </message>
    <message>
        <source>The utility is ready to sell.</source>
        <translation>供电公司已可以售电。</translation>
    </message>
    <message>
        <source>Current password of {operator}: </source>
        <translation>{operator} 的当前密码：</translation>
    </message>
    <message>
        <source>New password: </source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>The store is empty: log in as STAR with the password star (you will choose a new one), then follow the set-up checklist (starpos admin checklist).</source>
        <translation>数据库为空：请以 STAR 身份、密码 star 登录（您将设置新密码），然后按照设置清单操作（starpos admin checklist）。</translation>
    </message>
</context>
<context>
    <name>first_run</name>
    <message>
        <source>Or start empty to set up your own utility: log in as STAR with the password star, choose a new password, and the administration opens on a set-up checklist.</source>
        <translation>或者从空白开始设置您自己的供电公司：以 STAR 身份、密码 star 登录，设置新密码，管理界面将打开设置清单。</translation>
    </message>
</context>
</TS>
