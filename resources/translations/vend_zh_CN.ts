<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>errors</name>
    <message>
        <source>The secure module ({module}) is in use by a sale on this counter. It is tried again at the next sync.</source>
        <translation>安全模块（{module}）正被本柜台的一笔销售使用。将在下次同步时重试。</translation>
    </message>
    <message>
        <source>Customer {customer} is on the blacklist ({remark}), so no credit may be sold to them. Send the customer to the office.</source>
        <translation>客户 {customer} 在黑名单中（{remark}），不能向其售电。请让客户到营业厅处理。</translation>
    </message>
    <message>
        <source>Customer {customer} is on the blacklist, so no credit may be sold to them. Send the customer to the office.</source>
        <translation>客户 {customer} 在黑名单中，不能向其售电。请让客户到营业厅处理。</translation>
    </message>
    <message>
        <source>Meter {number} is a postpaid meter: it takes no token. Take last month's frozen amount as a bill payment instead of a vend.</source>
        <translation>电表 {number} 是后付费电表，不接受购电码。请按账单缴费收取上月冻结金额，而不是售电。</translation>
    </message>
    <message>
        <source>Meter {number} is a smart card meter: its credit is written on the customer's card. Sell it in the cashier window with the card in the reader.</source>
        <translation>电表 {number} 是智能卡电表：电量写入客户的卡中。请在收银窗口将卡插入读卡器后售电。</translation>
    </message>
    <message>
        <source>Meter {number} is not installed for a customer, so credit cannot be sold for it. Register it to the customer first.</source>
        <translation>电表 {number} 未安装给任何客户，不能为其售电。请先将其登记给客户。</translation>
    </message>
    <message>
        <source>No meter {number} is registered here. Check the number on the meter, or register the customer's meter first.</source>
        <translation>此处没有登记电表 {number}。请核对电表上的号码，或先登记客户的电表。</translation>
    </message>
    <message>
        <source>Operator {operator} is not allowed to log in, so may not sell either. Ask an administrator.</source>
        <translation>操作员 {operator} 被禁止登录，因此也不能售电。请联系管理员。</translation>
    </message>
    <message>
        <source>Operator {operator} may not sell credit. Ask a supervisor to sell it or to give you the right.</source>
        <translation>操作员 {operator} 无售电权限。请主管代为售电或为您授权。</translation>
    </message>
    <message>
        <source>Operator {operator} may only sell at sales point {home}, not at {sales_point}. Ask an administrator to allow other sales points.</source>
        <translation>操作员 {operator} 只能在售电点 {home} 售电，不能在 {sales_point}。请管理员允许其在其他售电点售电。</translation>
    </message>
    <message>
        <source>Sales are forbidden at sales point {sales_point}. Sell from another sales point or ask an administrator to allow sales here.</source>
        <translation>售电点 {sales_point} 禁止售电。请在其他售电点售电，或请管理员在此允许售电。</translation>
    </message>
    <message>
        <source>The check digit of meter number {number} is wrong, so it was mistyped. Read the number on the meter again and type it once more.</source>
        <translation>电表号 {number} 的校验位错误，说明输入有误。请重新读取电表上的号码并再次输入。</translation>
    </message>
    <message>
        <source>The contract of meter {number} is cancelled, so no credit may be sold for it. The customer must sign a new contract at the office.</source>
        <translation>电表 {number} 的合同已取消，不能为其售电。客户须到营业厅重新签订合同。</translation>
    </message>
    <message>
        <source>The customer paid {tendered}, less than the net amount {net}. Take at least the net amount.</source>
        <translation>客户支付了 {tendered}，少于净额 {net}。请至少收取净额。</translation>
    </message>
    <message>
        <source>The net amount {net} is above the warn amount {warn}. Confirm the amount with the customer, then sell it again confirmed.</source>
        <translation>净额 {net} 超过警告金额 {warn}。请与客户确认金额后，确认并重新售电。</translation>
    </message>
    <message>
        <source>The secure module does not answer ({reason}). Check its cable and power, or the port in the settings, then try again.</source>
        <translation>安全模块没有应答（{reason}）。请检查其连接线和电源，或设置中的端口，然后重试。</translation>
    </message>
    <message>
        <source>The secure module ({module}) is in use by another StarPOS program (process {pid}), such as the counter app, which keeps it while it runs. Sell from that program, or close it and try again.</source>
        <translation>安全模块（{module}）正被另一个 StarPOS 程序（进程 {pid}）使用，例如收银程序，它在运行期间一直占用该模块。请在该程序中售电，或将其关闭后重试。</translation>
    </message>
    <message>
        <source>The secure module has no vending key for meter {number} (supply group {sgc}, key revision {krn}, register {register}). Load the KMF file with that key first.</source>
        <translation>安全模块中没有电表 {number} 的售电密钥（供电组 {sgc}，密钥版本 {krn}，寄存器 {register}）。请先加载含有该密钥的 KMF 文件。</translation>
    </message>
    <message>
        <source>The secure module has {balance} kWh of credit left, less than the {needed} kWh this sale needs. Credit the module (SM manager) or sell a smaller amount.</source>
        <translation>安全模块剩余 {balance} kWh 电量，少于本次售电所需的 {needed} kWh。请为模块充值（SM 管理）或减少售电金额。</translation>
    </message>
    <message>
        <source>The vend was refused.</source>
        <translation>售电被拒绝。</translation>
    </message>
    <message>
        <source>The vending key of meter {number} has expired (key expiry number {ken}). The meter needs a key change to a new key revision before credit can be sold.</source>
        <translation>电表 {number} 的售电密钥已过期（密钥到期号 {ken}）。须先为电表更换到新的密钥版本才能售电。</translation>
    </message>
    <message>
        <source>There is no active payment term {payment}. Use one of: {known}.</source>
        <translation>没有有效的付款方式 {payment}。请使用以下之一：{known}。</translation>
    </message>
    <message>
        <source>There is no sales point {sales_point}. Check the terminal's configuration.</source>
        <translation>没有售电点 {sales_point}。请检查终端的配置。</translation>
    </message>
    <message>
        <source>There is no vend with the bill number {bill}.</source>
        <translation>没有单据号为 {bill} 的售电记录。</translation>
    </message>
    <message>
        <source>Vend {bill} failed and no token was made: {reason}. Nothing was charged to the module; take the money back or try again.</source>
        <translation>售电 {bill} 失败，未生成购电码：{reason}。模块未扣减电量；请退还款项或重试。</translation>
    </message>
    <message>
        <source>Vend {bill} is not finished: the secure module's answer was lost ({reason}). Keep the money; run the recovery (starpos vend recover, or restart the app) when the module answers again.</source>
        <translation>售电 {bill} 未完成：安全模块的应答丢失（{reason}）。请保留款项；模块恢复应答后运行恢复（starpos vend recover，或重启应用）。</translation>
    </message>
    <message>
        <source>Vend {bill} is {state}, so it cannot be {action}.</source>
        <translation>售电 {bill} 的状态是 {state}，因此不能{action}。</translation>
    </message>
    <message>
        <source>{count} unfinished vend(s) were made with secure module {expected}, but module {found} is connected. Connect module {expected} and run the recovery again.</source>
        <translation>有 {count} 笔未完成的售电是用安全模块 {expected} 做的，但当前连接的是模块 {found}。请连接模块 {expected} 后再次运行恢复。</translation>
    </message>
    <message>
        <source>{number} is not a meter number: {reason}. Type the 11 or 13 digits printed on the meter, or its 18-digit PAN.</source>
        <translation>{number} 不是电表号：{reason}。请输入电表上印的 11 位或 13 位数字，或 18 位 PAN。</translation>
    </message>
    <message>
        <source>{text} is not an amount. Type digits with a decimal point, like 25.00.</source>
        <translation>{text} 不是金额。请输入带小数点的数字，例如 25.00。</translation>
    </message>
    <message>
        <source>Vend {bill}: the secure module made the token, but the store could not record it ({reason}). It will be recovered at the next start (or starpos vend recover) once the database can be written again: keep the money, do not sell again, and free the disk or fix the data folder.</source>
        <translation>售电 {bill}：安全模块已生成令牌，但数据库未能记录它（{reason}）。数据库可再次写入后，下次启动（或 starpos vend recover）时会恢复它：请保留款项，不要重新售电，并释放磁盘空间或修复数据文件夹。</translation>
    </message>
    <message>
        <source>The secure module {module} serves another store ({other}), not this one ({store}): this store is not the one that holds the module's sales. Restore that store's backup (starpos db restore FOLDER), or, if this store replaces it for good, re-bind the module: starpos sm rebind --operator CODE --reason "..."</source>
        <translation>安全模块 {module} 服务于另一个数据库（{other}），而不是本数据库（{store}）：本数据库不是保存该模块售电记录的数据库。请恢复那个数据库的备份（starpos db restore 文件夹），或者，如果本数据库永久取代它，请重新绑定模块：starpos sm rebind --operator 代码 --reason "..."</translation>
    </message>
    <message>
        <source>The secure module {module} made {tokens} token(s), {kwh} kWh, that this store does not hold: it is not the store that sold them. Restore the backup of the store that did (starpos db restore FOLDER), or accept the difference and bind the module here: starpos sm rebind --operator CODE --reason "..."</source>
        <translation>安全模块 {module} 生成了 {tokens} 个令牌，共 {kwh} kWh，本数据库中没有这些记录：本数据库不是售出它们的数据库。请恢复售出它们的数据库的备份（starpos db restore 文件夹），或者接受差异并在此绑定模块：starpos sm rebind --operator 代码 --reason "..."</translation>
    </message>
    <message>
        <source>Say why the module is re-bound to this store: --reason "..." (it is recorded).</source>
        <translation>请说明为何将模块重新绑定到本数据库：--reason "..."（会被记录）。</translation>
    </message>
    <message>
        <source>The credit update (sequence {sequence}) is not finished: the secure module's answer was lost ({reason}). Do not send the block again; run starpos vend recover when the module answers: it reads the module's record of the update.</source>
        <translation>充值更新（序号 {sequence}）尚未完成：安全模块的应答丢失（{reason}）。请勿再次发送该数据块；模块恢复应答后运行 starpos vend recover：它会读取模块中该更新的记录。</translation>
    </message>
    <message>
        <source>The secure module refused the credit update (sequence {sequence}): {reason}.</source>
        <translation>安全模块拒绝了充值更新（序号 {sequence}）：{reason}。</translation>
    </message>
    <message>
        <source>Meter {number} has its key change in sale {bill}, which is not settled yet. Run the recovery of that sale's counter (starpos vend recover) and try again.</source>
        <translation>电表 {number} 的密钥更换正由销售 {bill} 处理，该销售尚未结清。请在该销售的柜台运行恢复（starpos vend recover）后重试。</translation>
    </message>
</context>
<context>
    <name>vend</name>
    <message>
        <source>Token</source>
        <translation>购电码</translation>
    </message>
    <message>
        <source>Bill number</source>
        <translation>单据号</translation>
    </message>
    <message>
        <source>Meter</source>
        <translation>电表</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Net amount</source>
        <translation>净额</translation>
    </message>
    <message>
        <source>Vending amount</source>
        <translation>售电金额</translation>
    </message>
    <message>
        <source>Energy (kWh)</source>
        <translation>电量 (kWh)</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>找零</translation>
    </message>
    <message>
        <source>recovered</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Module {module}: {recovered} vend(s) recovered with their token, {failed} failed (the module never made their token), {waiting} waiting for another module.</source>
        <translation>模块 {module}：{recovered} 笔售电已恢复其购电码，{failed} 笔失败（模块从未生成其购电码），{waiting} 笔等待其他模块。</translation>
    </message>
    <message>
        <source>Module {module}: balance {balance} kWh agrees with the ledger ({count} vends, {vended} kWh).</source>
        <translation>模块 {module}：余额 {balance} kWh 与账目一致（{count} 笔售电，{vended} kWh）。</translation>
    </message>
    <message>
        <source>Module {module}: balance {balance} kWh does NOT agree with the ledger (expected {expected} kWh; {problems} problem(s), {pending} vend(s) pending).</source>
        <translation>模块 {module}：余额 {balance} kWh 与账目不一致（应为 {expected} kWh；{problems} 个问题，{pending} 笔售电未完成）。</translation>
    </message>
    <message>
        <source>Over its life: credited {credited} kWh, debited {debited} kWh, issued {issued} kWh in {tokens} credit token(s); the books hold {ledger} kWh in {ledger_tokens} token(s); last TID {tid} (books: {ledger_tid}).</source>
        <translation>整个生命周期：充值 {credited} kWh，扣减 {debited} kWh，以 {tokens} 个充值令牌发出 {issued} kWh；账簿记录 {ledger} kWh，共 {ledger_tokens} 个令牌；最后 TID {tid}（账簿：{ledger_tid}）。</translation>
    </message>
    <message>
        <source>The module's own counters do not add up (balance {balance_kwh} kWh).</source>
        <translation>模块自身的计数器不一致（余额 {balance_kwh} kWh）。</translation>
    </message>
    <message>
        <source>The module issued {beyond_kwh} kWh more than the books hold ({module_issued_kwh} kWh issued, {ledger_kwh} kWh in the books).</source>
        <translation>模块发出的电量比账簿多 {beyond_kwh} kWh（发出 {module_issued_kwh} kWh，账簿 {ledger_kwh} kWh）。</translation>
    </message>
    <message>
        <source>The module made {beyond} credit token(s) the books do not hold.</source>
        <translation>模块生成了 {beyond} 个账簿中没有的充值令牌。</translation>
    </message>
    <message>
        <source>The module made {beyond} management token(s) the books do not hold.</source>
        <translation>模块生成了 {beyond} 个账簿中没有的管理令牌。</translation>
    </message>
    <message>
        <source>The module made {beyond} key change set(s) the books do not hold.</source>
        <translation>模块生成了 {beyond} 组账簿中没有的换密钥令牌。</translation>
    </message>
    <message>
        <source>The module's last token (TID {module_last_tid}) is not in the books (their last: {ledger_last_tid}).</source>
        <translation>模块的最后一个令牌（TID {module_last_tid}）不在账簿中（账簿最后一个：{ledger_last_tid}）。</translation>
    </message>
    <message>
        <source>Credit update {sequence} ({operation} {amount_kwh} kWh, block {block_digest}) was applied to the module but is not in the store.</source>
        <translation>充值更新 {sequence}（{operation} {amount_kwh} kWh，数据块 {block_digest}）已应用到模块，但数据库中没有记录。</translation>
    </message>
    <message>
        <source>Credit update {sequence}: the module applied block {block_digest}, the store recorded {store_digest}.</source>
        <translation>充值更新 {sequence}：模块应用的是数据块 {block_digest}，数据库记录的是 {store_digest}。</translation>
    </message>
    <message>
        <source>Credit update {sequence} is still pending in the store (starpos vend recover).</source>
        <translation>充值更新 {sequence} 在数据库中仍处于待定状态（starpos vend recover）。</translation>
    </message>
    <message>
        <source>Credit update {sequence} ({amount_kwh} kWh) is in the store but the module has no record of it.</source>
        <translation>充值更新 {sequence}（{amount_kwh} kWh）在数据库中，但模块没有它的记录。</translation>
    </message>
    <message>
        <source>Between {after} and {at} the module's balance fell {missing_kwh} kWh more than the books say (expected {expected_kwh} kWh, found {found_kwh} kWh).</source>
        <translation>在 {after} 与 {at} 之间，模块余额比账簿多减少了 {missing_kwh} kWh（应为 {expected_kwh} kWh，实际 {found_kwh} kWh）。</translation>
    </message>
    <message>
        <source>Key change token {number} of {count}</source>
        <translation>密钥更换令牌 {number}/{count}</translation>
    </message>
    <message>
        <source>Enter any older tokens first, then the key change tokens in order, then the credit token.</source>
        <translation>请先输入任何较早的令牌，然后按顺序输入密钥更换令牌，最后输入充值令牌。</translation>
    </message>
</context>
<context>
    <name>sm</name>
    <message>
        <source>Module {module}: vends a crash left pending were settled first (recovered with their token: {recovered}; failed: {failed}).</source>
        <translation>模块 {module}：已先处理因崩溃而未完成的售电（已找回购电码：{recovered}；失败：{failed}）。</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Terminal {terminal} stands at sales point {terminal_sales_point}, not at {sales_point}: sell there, or ask an administrator to move the terminal.</source>
        <translation>终端 {terminal} 属于售电点 {terminal_sales_point}，而不是 {sales_point}：请在该售电点售电，或请管理员移动该终端。</translation>
    </message>
</context>
</TS>
