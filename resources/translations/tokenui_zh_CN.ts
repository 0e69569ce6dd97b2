<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>tokenui</name>
    <message>
        <source>To pay</source>
        <translation>应付</translation>
    </message>
    <message>
        <source>{amount} short</source>
        <translation>还差 {amount}</translation>
    </message>
    <message>
        <source>Paid {paid}, change {change}.</source>
        <translation>实收 {paid}，找零 {change}。</translation>
    </message>
    <message>
        <source>Charges</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Pai&amp;d</source>
        <translation>实收(&amp;D)</translation>
    </message>
    <message>
        <source>Pa&amp;yment</source>
        <translation>付款方式(&amp;Y)</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>找零</translation>
    </message>
    <message>
        <source>Read from the old meter's &amp;card</source>
        <translation>从旧电表的卡读取(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Bill number</source>
        <translation>账单号(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Cancel a token…</source>
        <translation>取消电码(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Cancel the token…</source>
        <translation>取消电码(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Cancel the selected sale's token…</source>
        <translation>取消所选售电的电码(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Find the sale</source>
        <translation>查找售电(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Flag for key change</source>
        <translation>标记换密钥(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Key change at the next purchase…</source>
        <translation>下次购电时换密钥(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;Meter</source>
        <translation>电表(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;New meter (from stock)</source>
        <translation>新电表（库存）(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Old meter</source>
        <translation>旧电表(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Replace a meter…</source>
        <translation>更换电表(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Replace the meter</source>
        <translation>更换电表(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Tokens</source>
        <translation>电码(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Withdraw the flag</source>
        <translation>撤销标记(&amp;W)</translation>
    </message>
    <message>
        <source>(keep the meter's)</source>
        <translation>（保留电表原值）</translation>
    </message>
    <message>
        <source>Cancel the token of sale {bill} for meter {meter}? The customer gets {refund} back and must enter the zero-energy token on the meter.</source>
        <translation>取消电表 {meter} 的售电 {bill} 的电码？客户退回 {refund}，并须在电表上输入零电量电码。</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Flagged: key change to {key} at the next purchase.</source>
        <translation>已标记：下次购电时换为密钥 {key}。</translation>
    </message>
    <message>
        <source>For maintenance</source>
        <translation>待维修</translation>
    </message>
    <message>
        <source>Its key change tokens to {key} are made.</source>
        <translation>换为密钥 {key} 的换密码已生成。</translation>
    </message>
    <message>
        <source>Key change at the next purchase</source>
        <translation>下次购电时换密钥</translation>
    </message>
    <message>
        <source>Meter</source>
        <translation>电表</translation>
    </message>
    <message>
        <source>Meter {meter} ({customer}), key: {key}</source>
        <translation>电表 {meter}（{customer}），密钥：{key}</translation>
    </message>
    <message>
        <source>Meter {old} is replaced by {new} (bill {bill}, charges {charges}).</source>
        <translation>电表 {old} 已更换为 {new}（账单 {bill}，费用 {charges}）。</translation>
    </message>
    <message>
        <source>New &amp;KRN</source>
        <translation>新 KRN(&amp;K)</translation>
    </message>
    <message>
        <source>New &amp;SGC</source>
        <translation>新 SGC(&amp;S)</translation>
    </message>
    <message>
        <source>New &amp;TI</source>
        <translation>新 TI(&amp;T)</translation>
    </message>
    <message>
        <source>New &amp;base date</source>
        <translation>新基准日期(&amp;B)</translation>
    </message>
    <message>
        <source>New key &amp;register</source>
        <translation>新密钥寄存器(&amp;R)</translation>
    </message>
    <message>
        <source>No key change is waiting.</source>
        <translation>没有待换的密钥。</translation>
    </message>
    <message>
        <source>Old meter goes &amp;back as</source>
        <translation>旧电表退回为(&amp;B)</translation>
    </message>
    <message>
        <source>R&amp;eason</source>
        <translation>原因(&amp;E)</translation>
    </message>
    <message>
        <source>Re&amp;mainder energy (kWh)</source>
        <translation>剩余电量（kWh）(&amp;M)</translation>
    </message>
    <message>
        <source>Refund to the customer</source>
        <translation>退还客户</translation>
    </message>
    <message>
        <source>Remainder token for the new meter ({kwh} kWh): {token}</source>
        <translation>新电表的剩余电量电码（{kwh} kWh）：{token}</translation>
    </message>
    <message>
        <source>Replace a meter</source>
        <translation>更换电表</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>售电</translation>
    </message>
    <message>
        <source>Sale amount</source>
        <translation>售电金额</translation>
    </message>
    <message>
        <source>Sale {sale} is cancelled (bill {bill}). Pay back {refund}. Zero-energy token for the meter: {token}</source>
        <translation>售电 {sale} 已取消（账单 {bill}）。退还 {refund}。电表的零电量电码：{token}</translation>
    </message>
    <message>
        <source>Scrap</source>
        <translation>报废</translation>
    </message>
    <message>
        <source>The secure module refused the zero-energy token: the sale stands. {reason}</source>
        <translation>安全模块拒绝了零电量电码：售电保持有效。{reason}</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>电码</translation>
    </message>
    <message>
        <source>Token cancel</source>
        <translation>取消电码</translation>
    </message>
    <message>
        <source>Token cancel charge</source>
        <translation>取消电码费用</translation>
    </message>
    <message>
        <source>Type the meter number and press Enter.</source>
        <translation>输入电表号并按回车。</translation>
    </message>
    <message>
        <source>Type the sale's bill number and press Enter.</source>
        <translation>输入售电的账单号并按回车。</translation>
    </message>
    <message>
        <source>cancel a token</source>
        <translation>取消电码</translation>
    </message>
    <message>
        <source>change meter keys</source>
        <translation>更换电表密钥</translation>
    </message>
    <message>
        <source>replace a meter</source>
        <translation>更换电表</translation>
    </message>
    <message>
        <source>cannot be cancelled</source>
        <translation>不可取消</translation>
    </message>
    <message>
        <source>Type the token, the bill number or the meter and press Enter.</source>
        <translation>输入令牌、单号或表号后按回车。</translation>
    </message>
    <message>
        <source>&amp;Token, bill or meter</source>
        <translation>令牌、单号或表号(&amp;T)</translation>
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
        <source>&amp;Amount</source>
        <translation>金额(&amp;A)</translation>
    </message>
    <message>
        <source>Pay type now</source>
        <translation>当前付费方式</translation>
    </message>
    <message>
        <source>Change to</source>
        <translation>改为</translation>
    </message>
    <message>
        <source>Prearrange amount</source>
        <translation>预约金额</translation>
    </message>
    <message>
        <source>Receivable still due</source>
        <translation>尚欠应收金额</translation>
    </message>
    <message>
        <source>Remain still due</source>
        <translation>尚欠剩余金额</translation>
    </message>
    <message>
        <source>The amounts are settled on the meter's next purchase.</source>
        <translation>这些金额在该表下次购电时结算。</translation>
    </message>
    <message>
        <source>&amp;Receivable amount (postpaid debt)</source>
        <translation>应收金额（后付费欠款）(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Remain amount (prepaid credit left)</source>
        <translation>剩余金额（预付费余额）(&amp;R)</translation>
    </message>
    <message>
        <source>Payment change</source>
        <translation>付费方式变更</translation>
    </message>
    <message>
        <source>Change meter {meter} from {before} to {after}?</source>
        <translation>将电表 {meter} 从{before}改为{after}？</translation>
    </message>
    <message>
        <source>Meter {meter} is {mode} now (bill {bill}). Due on its next purchase: prearrange {prearrange}, receivable {receivable}, remain returned {remain}.</source>
        <translation>电表 {meter} 现为{mode}（单号 {bill}）。下次购电时结算：预存 {prearrange}，应收 {receivable}，退还剩余 {remain}。</translation>
    </message>
    <message>
        <source>Remar&amp;k</source>
        <translation>备注(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Find the meter</source>
        <translation>查找电表(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Change the pay type…</source>
        <translation>变更付费方式(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Payment change (prepaid, postpaid)…</source>
        <translation>付费方式变更（预付费、后付费）(&amp;P)…</translation>
    </message>
    <message>
        <source>change a meter's pay type</source>
        <translation>变更电表的付费方式</translation>
    </message>
    <message>
        <source>&amp;Print the bill again</source>
        <translation>重新打印账单(&amp;P)</translation>
    </message>
    <message>
        <source>Ban&amp;k</source>
        <translation>银行(&amp;K)</translation>
    </message>
    <message>
        <source>C&amp;heque number</source>
        <translation>支票号码(&amp;H)</translation>
    </message>
    <message>
        <source>Remainder for the new meter ({kwh} kWh) is on card {serial}: the customer inserts it in the new meter.</source>
        <translation>新电表的剩余电量（{kwh} kWh）已写入卡 {serial}：请客户将卡插入新电表。</translation>
    </message>
    <message>
        <source>Replace a c&amp;ollided token…</source>
        <translation>替换冲突令牌(&amp;O)…</translation>
    </message>
    <message>
        <source>replace a collided token</source>
        <translation>替换冲突令牌</translation>
    </message>
    <message>
        <source>Replace a collided token</source>
        <translation>替换冲突令牌</translation>
    </message>
    <message>
        <source>&amp;Bill</source>
        <translation>单据(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Issue the replacement</source>
        <translation>签发替换令牌(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Print the voucher</source>
        <translation>打印凭条(&amp;P)</translation>
    </message>
    <message>
        <source>No token of this meter needs a replacement.</source>
        <translation>此电表没有需要替换的令牌。</translation>
    </message>
    <message>
        <source>Bill {bill}: {amount}, {kwh} kWh, sold at {terminal}</source>
        <translation>单据 {bill}：{amount}，{kwh} kWh，售于 {terminal}</translation>
    </message>
    <message>
        <source>Another counter gave this meter the same TID: the meter refuses this token as used. The replacement carries the same energy under a new TID; no money is taken.</source>
        <translation>另一柜台给此电表分配了相同的 TID：电表将此令牌视为已使用而拒绝。替换令牌以新的 TID 携带相同电量；不收取任何费用。</translation>
    </message>
    <message>
        <source>Replacement for bill {bill}: {kwh} kWh, token {token}. The customer enters it instead of the refused token.</source>
        <translation>替换单据 {bill}：{kwh} kWh，令牌 {token}。客户输入它，代替被拒绝的令牌。</translation>
    </message>
</context>
</TS>
