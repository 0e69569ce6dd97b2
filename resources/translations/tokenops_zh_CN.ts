<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>errors</name>
    <message>
        <source>{paid} does not pay the replacement charges of {due}. Take at least {due} from the customer.</source>
        <translation>{paid} 不足以支付更换费用 {due}。请向客户至少收取 {due}。</translation>
    </message>
    <message>
        <source>No meter replacement has the bill number {bill}. Check the number on the bill.</source>
        <translation>没有单据号为 {bill} 的换表记录。请核对单据上的号码。</translation>
    </message>
    <message>
        <source>The new meter {meter} is a smart card meter: its remainder of {remainder} kWh goes onto the customer's card, and no card was presented. Put a blank card in the card reader and replace again, or replace with a remainder of 0.</source>
        <translation>新电表 {meter} 是智能卡电表：其 {remainder} kWh 的剩余电量将写入客户的卡，但未出示卡。请将一张空白卡放入读卡器后重新换表，或以剩余电量 0 进行换表。</translation>
    </message>
    <message>
        <source>The new meter {meter} is not a smart card meter: its remainder is a keypad token, not a credit on a card. Replace without a card.</source>
        <translation>新电表 {meter} 不是智能卡电表：其剩余电量是键盘令牌，而不是卡上的电量。请不用卡进行换表。</translation>
    </message>
    <message>
        <source>Meter {meter} is not a smart card meter: it has no card to read. Read its remainder on the meter and enter it.</source>
        <translation>电表 {meter} 不是智能卡电表，没有可读的卡。请在电表上读取剩余电量并输入。</translation>
    </message>
    <message>
        <source>The token operation could not be completed.</source>
        <translation>无法完成该令牌操作。</translation>
    </message>
    <message>
        <source>A {kind} token needs a value. Give it and try again.</source>
        <translation>{kind} 令牌需要一个数值。请填写后重试。</translation>
    </message>
    <message>
        <source>{value} is out of range for a {kind} token: give {minimum} to {maximum}.</source>
        <translation>{value} 超出 {kind} 令牌的范围：请输入 {minimum} 到 {maximum}。</translation>
    </message>
    <message>
        <source>No meter is left to make a token for ({refused} refused). Check the list of meters and why each was refused.</source>
        <translation>没有可生成令牌的电表（{refused} 个被拒绝）。请检查电表清单及每个被拒绝的原因。</translation>
    </message>
    <message>
        <source>The list of meters {source} could not be read: {reason}.</source>
        <translation>无法读取电表清单 {source}：{reason}。</translation>
    </message>
    <message>
        <source>{first} to {last} is not a range of meter numbers: both ends must have the same length and the first must not come after the last.</source>
        <translation>{first} 到 {last} 不是有效的电表号范围：两端长度必须相同，且起始号不能大于结束号。</translation>
    </message>
    <message>
        <source>{count} meters is more than one batch takes ({maximum}). Split the list.</source>
        <translation>{count} 个电表超过了一个批次的上限（{maximum}）。请拆分清单。</translation>
    </message>
    <message>
        <source>There is no token batch {batch}. starpos engineering list shows the batches.</source>
        <translation>不存在令牌批次 {batch}。starpos engineering list 可列出所有批次。</translation>
    </message>
    <message>
        <source>Batch {batch} has no meter at position {position}. starpos engineering show {batch} lists its meters.</source>
        <translation>批次 {batch} 在位置 {position} 没有电表。starpos engineering show {batch} 可列出其电表。</translation>
    </message>
    <message>
        <source>The token for meter {meter} (batch {batch}, position {position}) is {state}, so there is nothing to print yet.</source>
        <translation>电表 {meter} 的令牌（批次 {batch}，位置 {position}）状态为 {state}，暂无可打印内容。</translation>
    </message>
    <message>
        <source>The secure module has {balance} kWh of credit, but the free credit of batch {batch} needs {needed} kWh; nothing was made. Credit the module, then go on with starpos engineering resume {batch}.</source>
        <translation>安全模块余额为 {balance} kWh，但批次 {batch} 的免费电量需要 {needed} kWh；未生成任何令牌。请为模块充值，然后用 starpos engineering resume {batch} 继续。</translation>
    </message>
    <message>
        <source>The secure module did not answer for meter {meter} (batch {batch}): {reason}. The token may have been made; it is kept as pending and settled when the module is back (starpos engineering recover), then the batch can go on (starpos engineering resume {batch}).</source>
        <translation>安全模块未对电表 {meter}（批次 {batch}）作出应答：{reason}。令牌可能已生成；它将保持待定状态，待模块恢复后结算（starpos engineering recover），然后批次可继续（starpos engineering resume {batch}）。</translation>
    </message>
    <message>
        <source>Meter {number} cannot have this token.</source>
        <translation>电表 {number} 不能获得此令牌。</translation>
    </message>
    <message>
        <source>{number} is not a meter number: {reason}</source>
        <translation>{number} 不是电表号：{reason}</translation>
    </message>
    <message>
        <source>No meter {number} is registered here.</source>
        <translation>此处未登记电表 {number}。</translation>
    </message>
    <message>
        <source>Meter {number} is in the list more than once; it gets one token.</source>
        <translation>电表 {number} 在清单中出现多次；只生成一个令牌。</translation>
    </message>
    <message>
        <source>Meter {number} takes its credit by card, not by typed tokens.</source>
        <translation>电表 {number} 通过卡片充值，不使用输入的令牌。</translation>
    </message>
    <message>
        <source>Meter {number} has no key register of the secure module (SGC {sgc}, KRN {krn}). Set its key data first.</source>
        <translation>电表 {number} 没有安全模块的密钥寄存器（SGC {sgc}，KRN {krn}）。请先设置其密钥数据。</translation>
    </message>
    <message>
        <source>The secure module holds no key for meter {number} (register {register}, SGC {sgc}, KRN {krn}). Load the key file (KMF) with that key first.</source>
        <translation>安全模块中没有电表 {number} 的密钥（寄存器 {register}，SGC {sgc}，KRN {krn}）。请先加载含该密钥的密钥文件（KMF）。</translation>
    </message>
    <message>
        <source>The key of meter {number} has expired (KEN {ken}): it needs a decoder key change first.</source>
        <translation>电表 {number} 的密钥已过期（KEN {ken}）：需先进行解码器密钥更换。</translation>
    </message>
    <message>
        <source>Meter {number} is already on this key and tariff index: nothing to change.</source>
        <translation>电表 {number} 已使用该密钥和费率索引：无需更改。</translation>
    </message>
    <message>
        <source>Meter {number} counts from base date {current}; a key change cannot take it back to {asked}.</source>
        <translation>电表 {number} 以 {current} 为基准日期计数；密钥更换不能将其退回到 {asked}。</translation>
    </message>
    <message>
        <source>Meter {number} has a {digits}-digit manufacturer code, so its test control is at most {maximum}.</source>
        <translation>电表 {number} 的制造商代码为 {digits} 位，因此其测试控制值最大为 {maximum}。</translation>
    </message>
    <message>
        <source>Meter {number} is already flagged for a key change at its next purchase. Unflag it first to choose another key.</source>
        <translation>电表 {number} 已标记为在下次购电时更换密钥。请先取消标记，再选择其他密钥。</translation>
    </message>
    <message>
        <source>Meter {number} has no key change waiting that can be withdrawn (never flagged, or its key change tokens are being made or already made).</source>
        <translation>电表 {number} 没有可撤销的待更换密钥（从未标记，或其密钥更换令牌正在生成或已生成）。</translation>
    </message>
    <message>
        <source>No token sale was found for {by}. Check the token, bill number or meter number.</source>
        <translation>未找到 {by} 的令牌销售。请检查令牌、单据号或电表号。</translation>
    </message>
    <message>
        <source>Sale {bill} cannot be cancelled: it is {state}. Only an issued token sale can be cancelled, once.</source>
        <translation>销售 {bill} 无法取消：其状态为 {state}。只有已签发的令牌销售可以取消，且只能取消一次。</translation>
    </message>
    <message>
        <source>Sale {bill} is older than {days} days: its token can no longer be cancelled here. Ask the administrator.</source>
        <translation>销售 {bill} 已超过 {days} 天：此处不能再取消其令牌。请联系管理员。</translation>
    </message>
    <message>
        <source>Sale {bill} cannot be cancelled: meter {meter} has had a later token since, so the cancelled token may already be in the meter.</source>
        <translation>销售 {bill} 无法取消：电表 {meter} 之后已有更新的令牌，被取消的令牌可能已输入电表。</translation>
    </message>
    <message>
        <source>Give the reason for cancelling the token.</source>
        <translation>请填写取消令牌的原因。</translation>
    </message>
    <message>
        <source>A replaced meter goes back to stock as scrap or for maintenance, not as {condition}.</source>
        <translation>被更换的电表只能作为报废或维修退回库存，不能作为 {condition}。</translation>
    </message>
    <message>
        <source>Meter {meter} is already {mode}. Choose the other pay type.</source>
        <translation>电表 {meter} 已经是 {mode}。请选择另一种付费方式。</translation>
    </message>
    <message>
        <source>Meter {meter} is not installed at a customer under a live contract: its pay type cannot change. Register it to the customer first.</source>
        <translation>电表 {meter} 未安装在有效合同的客户处，不能变更付费方式。请先将其登记到客户。</translation>
    </message>
    <message>
        <source>Meter {meter} is a smart card meter: its pay type is written on its card by the card system, not changed here.</source>
        <translation>电表 {meter} 是卡表：其付费方式由卡系统写在卡上，不在此处变更。</translation>
    </message>
    <message>
        <source>{amount} is not an amount of money: give 0 or more with at most {decimals} decimals.</source>
        <translation>{amount} 不是有效金额：请输入 0 或以上、最多 {decimals} 位小数的金额。</translation>
    </message>
    <message>
        <source>A receivable amount belongs to a change to prepaid, a remain amount to a change to postpaid: leave the other at 0.</source>
        <translation>应收金额用于改为预付费，剩余金额用于改为后付费：另一项请保持为 0。</translation>
    </message>
    <message>
        <source>No payment change has the bill number {bill}. Check the number on the bill.</source>
        <translation>没有账单号为 {bill} 的付费方式变更。请核对账单上的号码。</translation>
    </message>
    <message>
        <source>Meter {meter} has no token waiting for a replacement from bill {bill}. The head office lists it after both counters synced; sync and try again.</source>
        <translation>电表 {meter} 没有单据 {bill} 待替换的令牌。两个柜台都同步后总部才会列出它；请同步后重试。</translation>
    </message>
    <message>
        <source>The token of bill {bill} was already replaced (token operation {replacement}): reprint that voucher instead.</source>
        <translation>单据 {bill} 的令牌已被替换（令牌操作 {replacement}）：请改为重印该凭条。</translation>
    </message>
    <message>
        <source>Bill {bill} was sold at terminal {terminal}: only that counter may replace its token, so it is replaced once.</source>
        <translation>单据 {bill} 是在终端 {terminal} 售出的：只有该柜台可以替换其令牌，以确保只替换一次。</translation>
    </message>
</context>
<context>
    <name>tokenops</name>
    <message>
        <source>Old meter: {meter}, back to stock {condition}</source>
        <translation>旧电表：{meter}，{condition}退回库存</translation>
    </message>
    <message>
        <source>as scrap</source>
        <translation>作为报废</translation>
    </message>
    <message>
        <source>for maintenance</source>
        <translation>作为待维修</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <source>Remainder moved to the new meter: {kwh} kWh</source>
        <translation>转入新电表的剩余电量：{kwh} kWh</translation>
    </message>
    <message>
        <source>No remainder to move to the new meter.</source>
        <translation>没有需要转入新电表的剩余电量。</translation>
    </message>
    <message>
        <source>The remainder token is still being made: reprint this bill for it.</source>
        <translation>剩余电量令牌仍在生成中：请稍后重打本单据以获取。</translation>
    </message>
    <message>
        <source>Enter the token on the new meter.</source>
        <translation>请在新电表上输入此令牌。</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>实收</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>找零</translation>
    </message>
    <message>
        <source>The replacement bill {bill} was printed (print {count}).</source>
        <translation>换表单据 {bill} 已打印（第 {count} 次）。</translation>
    </message>
    <message>
        <source>Set maximum power limit</source>
        <translation>设置最大功率限制</translation>
    </message>
    <message>
        <source>Clear credit</source>
        <translation>清除电量</translation>
    </message>
    <message>
        <source>Set tariff rate</source>
        <translation>设置费率</translation>
    </message>
    <message>
        <source>Clear tamper condition</source>
        <translation>清除窃电状态</translation>
    </message>
    <message>
        <source>Set maximum phase power unbalance limit</source>
        <translation>设置最大相间功率不平衡限制</translation>
    </message>
    <message>
        <source>Set water meter factor</source>
        <translation>设置水表系数</translation>
    </message>
    <message>
        <source>Free credit</source>
        <translation>免费电量</translation>
    </message>
    <message>
        <source>Decoder key change</source>
        <translation>解码器密钥更换</translation>
    </message>
    <message>
        <source>Test / display</source>
        <translation>测试 / 显示</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>issued</source>
        <translation>已生成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Enter the tokens in the order printed.</source>
        <translation>请按打印顺序输入令牌。</translation>
    </message>
    <message>
        <source>Token batch {batch}</source>
        <translation>令牌批次 {batch}</translation>
    </message>
    <message>
        <source>{kind} - {count} meters: {issued} issued, {failed} failed, {waiting} waiting</source>
        <translation>{kind} - {count} 个电表：{issued} 个已生成，{failed} 个失败，{waiting} 个等待中</translation>
    </message>
    <message>
        <source>Password of operator {operator}: </source>
        <translation>操作员 {operator} 的密码：</translation>
    </message>
    <message>
        <source>Make {count} token(s)? Type yes to go on: </source>
        <translation>生成 {count} 个令牌？输入 是 以继续：</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Nothing was made.</source>
        <translation>未生成任何令牌。</translation>
    </message>
    <message>
        <source>{kind} for {count} meter(s) ({source}):</source>
        <translation>{kind}，共 {count} 个电表（{source}）：</translation>
    </message>
    <message>
        <source>Left out ({count}):</source>
        <translation>已排除（{count}）：</translation>
    </message>
    <message>
        <source>Free credit in all: {energy} kWh from the secure module.</source>
        <translation>免费电量合计：从安全模块扣除 {energy} kWh。</translation>
    </message>
    <message>
        <source>Batch {batch}: {issued} issued, {failed} failed, {waiting} waiting.</source>
        <translation>批次 {batch}：{issued} 个已生成，{failed} 个失败，{waiting} 个等待中。</translation>
    </message>
    <message>
        <source>Module {module}: {recovered} token operation(s) recovered with their tokens, {failed} failed, {returned} back in their batch (the module never made them).</source>
        <translation>模块 {module}：{recovered} 个令牌操作已连同令牌恢复，{failed} 个失败，{returned} 个退回其批次（模块从未生成）。</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>Meter</source>
        <translation>电表</translation>
    </message>
    <message>
        <source>{count} meter(s) flagged for a key change at their next purchase.</source>
        <translation>已标记 {count} 块电表在下次购电时更换密钥。</translation>
    </message>
    <message>
        <source>{count} meter(s) unflagged.</source>
        <translation>已取消标记 {count} 块电表。</translation>
    </message>
    <message>
        <source>Token cancel (0 energy)</source>
        <translation>令牌取消（0 电量）</translation>
    </message>
    <message>
        <source>Cancel bill</source>
        <translation>取消单据</translation>
    </message>
    <message>
        <source>Sale cancelled</source>
        <translation>已取消的销售</translation>
    </message>
    <message>
        <source>Zero-energy token</source>
        <translation>零电量令牌</translation>
    </message>
    <message>
        <source>Sale amount</source>
        <translation>销售金额</translation>
    </message>
    <message>
        <source>Token cancel charge</source>
        <translation>令牌取消费</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>The customer enters the zero-energy token on the meter: it then refuses the cancelled token.</source>
        <translation>客户在电表上输入零电量令牌后，电表将拒绝被取消的令牌。</translation>
    </message>
    <message>
        <source>Remainder credit (replaced meter)</source>
        <translation>剩余电量（更换的电表）</translation>
    </message>
    <message>
        <source>Replacement bill</source>
        <translation>更换单据</translation>
    </message>
    <message>
        <source>Old meter</source>
        <translation>旧电表</translation>
    </message>
    <message>
        <source>New meter</source>
        <translation>新电表</translation>
    </message>
    <message>
        <source>Replacement charges</source>
        <translation>更换费用</translation>
    </message>
    <message>
        <source>Remainder (kWh)</source>
        <translation>剩余电量（kWh）</translation>
    </message>
    <message>
        <source>Remainder credit token</source>
        <translation>剩余电量充值令牌</translation>
    </message>
    <message>
        <source>Cancels sale {sale} ({amount} {currency}): {reason}</source>
        <translation>取消销售 {sale}（{amount} {currency}）：{reason}</translation>
    </message>
    <message>
        <source>Token cancel charge: {charge} {currency}</source>
        <translation>令牌取消费：{charge} {currency}</translation>
    </message>
    <message>
        <source>Refund: {refund} {currency}</source>
        <translation>退款：{refund} {currency}</translation>
    </message>
    <message>
        <source>Enter this token on the meter: it then refuses the cancelled token.</source>
        <translation>请在电表上输入此令牌：之后电表将拒绝被取消的令牌。</translation>
    </message>
    <message>
        <source>Payment change bill</source>
        <translation>付费方式变更单</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Pay type before</source>
        <translation>原付费方式</translation>
    </message>
    <message>
        <source>Pay type now</source>
        <translation>现付费方式</translation>
    </message>
    <message>
        <source>Prearrange amount</source>
        <translation>预约金额</translation>
    </message>
    <message>
        <source>Receivable amount</source>
        <translation>应收金额（后付费欠款）</translation>
    </message>
    <message>
        <source>Remain amount</source>
        <translation>剩余金额</translation>
    </message>
    <message>
        <source>The amounts are settled on the meter's next purchase.</source>
        <translation>这些金额在该表下次购电时结算。</translation>
    </message>
    <message>
        <source>prepaid</source>
        <translation>预付费</translation>
    </message>
    <message>
        <source>postpaid</source>
        <translation>后付费</translation>
    </message>
    <message>
        <source>Pay type before: {mode}</source>
        <translation>原付费方式：{mode}</translation>
    </message>
    <message>
        <source>Pay type now: {mode}</source>
        <translation>现付费方式：{mode}</translation>
    </message>
    <message>
        <source>Remark: {remark}</source>
        <translation>备注：{remark}</translation>
    </message>
    <message>
        <source>Nothing is due at the meter's next purchase.</source>
        <translation>该表下次购电时无应付金额。</translation>
    </message>
    <message>
        <source>The bill of payment change {bill} was printed (print {count}).</source>
        <translation>付费方式变更 {bill} 的账单已打印（第 {count} 次）。</translation>
    </message>
    <message>
        <source>The remainder is on card {serial}: insert it in the new meter.</source>
        <translation>剩余电量已写入卡 {serial}：请将卡插入新电表。</translation>
    </message>
    <message>
        <source>The remainder is not on a card yet: replace again with a blank card to finish.</source>
        <translation>剩余电量尚未写入卡：请用一张空白卡重新换表以完成。</translation>
    </message>
    <message>
        <source>Replacement token (TID collision)</source>
        <translation>替换令牌（TID 冲突）</translation>
    </message>
    <message>
        <source>Replacement for bill {bill}</source>
        <translation>替换单据 {bill} 的令牌</translation>
    </message>
    <message>
        <source>Replacement for bill</source>
        <translation>替换的单据</translation>
    </message>
    <message>
        <source>Energy (kWh)</source>
        <translation>电量（kWh）</translation>
    </message>
    <message>
        <source>Replacement token</source>
        <translation>替换令牌</translation>
    </message>
    <message>
        <source>Meter {meter}: the token of bill {bill} ({amount}, {energy} kWh, sold at {terminal}) needs a replacement</source>
        <translation>电表 {meter}：单据 {bill}（{amount}，{energy} kWh，售于 {terminal}）的令牌需要替换</translation>
    </message>
    <message>
        <source>No token needs a replacement.</source>
        <translation>没有需要替换的令牌。</translation>
    </message>
    <message>
        <source>The customer enters the replacement token instead of the refused one.</source>
        <translation>客户输入替换令牌，代替被拒绝的令牌。</translation>
    </message>
</context>
<context>
    <name>voucher</name>
    <message>
        <source>Meter replacement</source>
        <translation>换表</translation>
    </message>
    <message>
        <source>Charges</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Test token</source>
        <translation>测试令牌</translation>
    </message>
    <message>
        <source>Key change token 1 of 4</source>
        <translation>密钥更换令牌 1/4</translation>
    </message>
    <message>
        <source>Key change token 2 of 4</source>
        <translation>密钥更换令牌 2/4</translation>
    </message>
    <message>
        <source>Key change token 3 of 4</source>
        <translation>密钥更换令牌 3/4</translation>
    </message>
    <message>
        <source>Key change token 4 of 4</source>
        <translation>密钥更换令牌 4/4</translation>
    </message>
    <message>
        <source>Payment change</source>
        <translation>付费方式变更</translation>
    </message>
    <message>
        <source>Receivable amount</source>
        <translation>应收金额（后付费欠款）</translation>
    </message>
    <message>
        <source>Remain amount returned</source>
        <translation>退还剩余金额</translation>
    </message>
</context>
</TS>
