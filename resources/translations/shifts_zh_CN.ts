<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>errors</name>
    <message>
        <source>Terminal {terminal} stands at sales point {terminal_sales_point}, not at {sales_point}: open the shift there, or ask an administrator to move the terminal.</source>
        <translation>终端 {terminal} 属于售电点 {terminal_sales_point}，而不是 {sales_point}：请在该售电点开班，或请管理员移动该终端。</translation>
    </message>
    <message>
        <source>{amount} is not a valid amount here: give a positive amount with at most {decimals} decimals.</source>
        <translation>{amount} 在此不是有效金额：请输入最多 {decimals} 位小数的正数金额。</translation>
    </message>
    <message>
        <source>The day {day} of {sales_point} is already closed.</source>
        <translation>{sales_point} 的 {day} 营业日已经结账。</translation>
    </message>
    <message>
        <source>{denomination} is not a note or coin of this drawer ({known}), or its count {count} is not a whole number of 0 or more.</source>
        <translation>{denomination} 不是本钱箱的纸币或硬币（{known}），或其数量 {count} 不是大于等于 0 的整数。</translation>
    </message>
    <message>
        <source>The float limit of {scope} ({limit}) is reached: {taken} taken since the last close, {net} more would pass it. A supervisor must close the shift and hand the cash over before selling again.</source>
        <translation>{scope} 的现金限额（{limit}）已达到：自上次结账以来已收 {taken}，再收 {net} 将超出限额。主管必须先结束班次并上交现金，才能继续售电。</translation>
    </message>
    <message>
        <source>{operator} has no open shift on {till}. Open a shift (with its float) first, then sell.</source>
        <translation>{operator} 在 {till} 上没有打开的班次。请先开班（录入备用金），再售电。</translation>
    </message>
    <message>
        <source>No shift is open on {till}: a refund now would leave no drawer. Open a shift (with its float) first, then cancel.</source>
        <translation>{till} 上没有打开的班次：此时退款不会从任何钱箱中支出。请先开班（录入备用金），再取消。</translation>
    </message>
    <message>
        <source>Shift {shift} on {till} is counted and waits for its close: a refund now would leave a drawer already counted. Close the shift first, then open the next one and cancel.</source>
        <translation>{till} 上的班次 {shift} 已清点，正在等待结班：此时退款会从已清点的钱箱中支出。请先结班，再开下一个班次后取消。</translation>
    </message>
    <message>
        <source>The day of {sales_point} cannot be closed: {count} shift(s) are not closed yet ({shifts}). Close them first.</source>
        <translation>{sales_point} 的营业日无法结账：还有 {count} 个班次未结束（{shifts}）。请先结束这些班次。</translation>
    </message>
    <message>
        <source>Say why ({action}): a reason is required and goes on the record.</source>
        <translation>请说明原因（{action}）：原因为必填项，并会记录在案。</translation>
    </message>
    <message>
        <source>{operator} counted shift {shift}, so another operator with the close permission must close it (or an administrator allows one-person closes).</source>
        <translation>{operator} 已清点班次 {shift}，因此必须由另一位有结班权限的操作员结班（或由管理员允许一人结班）。</translation>
    </message>
    <message>
        <source>{operator} already has shift {shift} on {till} ({state}). Use it, or close it.</source>
        <translation>{operator} 在 {till} 上已有班次 {shift}（{state}）。请继续使用或将其结束。</translation>
    </message>
    <message>
        <source>The shift action could not be completed.</source>
        <translation>班次操作未能完成。</translation>
    </message>
    <message>
        <source>Shift {shift} has {count} sale(s) still waiting for the secure module. Settle them first: starpos vend recover.</source>
        <translation>班次 {shift} 还有 {count} 笔销售在等待安全模块。请先处理：starpos vend recover。</translation>
    </message>
    <message>
        <source>Shift {shift} is {state}: it cannot be {action} now.</source>
        <translation>班次 {shift} 的状态为 {state}：现在不能执行（{action}）。</translation>
    </message>
    <message>
        <source>There is no bank {bank}. Known: {known}.</source>
        <translation>没有银行 {bank}。已知：{known}。</translation>
    </message>
    <message>
        <source>A payment by {payment} pays exactly the charges of {due}: change is given in cash only. Take {due} by {payment}, or take the payment in cash.</source>
        <translation>以 {payment} 付款须正好支付 {due} 的费用：找零只用现金。请以 {payment} 收取 {due}，或改收现金。</translation>
    </message>
    <message>
        <source>There is no payment method {payment}. Known: {known}.</source>
        <translation>没有付款方式 {payment}。已知：{known}。</translation>
    </message>
    <message>
        <source>There is no sales point {sales_point}. Check the terminal's configuration.</source>
        <translation>没有售电点 {sales_point}。请检查终端配置。</translation>
    </message>
    <message>
        <source>There is no shift {shift}. starpos shift list shows the shifts.</source>
        <translation>没有班次 {shift}。starpos shift list 可列出班次。</translation>
    </message>
    <message>
        <source>There is no terminal {terminal}. Check the terminal's configuration.</source>
        <translation>没有终端 {terminal}。请检查终端配置。</translation>
    </message>
    <message>
        <source>There is no Z {number} on {till}. starpos shift z --list shows them.</source>
        <translation>{till} 上没有 Z {number}。starpos shift z --list 可列出。</translation>
    </message>
    <message>
        <source>The count differs from the expected by {variance} (threshold {threshold}). Recount, or approve the difference with a reason.</source>
        <translation>清点金额与应有金额相差 {variance}（阈值 {threshold}）。请重新清点，或填写原因批准差额。</translation>
    </message>
    <message>
        <source>The Z reports have been tampered with: {count} problem(s), the first at Z {number} of {till}. Keep a copy of the database and tell the administrator; starpos shift verify --json lists every problem.</source>
        <translation>Z 报表已被篡改：{count} 个问题，第一个在 {till} 的 Z {number}。请保留数据库副本并通知管理员；starpos shift verify --json 会列出每个问题。</translation>
    </message>
    <message>
        <source>{operator} has no shift on {till} that is not closed. Give --shift, or open one.</source>
        <translation>{operator} 在 {till} 上没有未结束的班次。请指定 --shift，或开一个班次。</translation>
    </message>
    <message>
        <source>There is no operator {operator}.</source>
        <translation>没有操作员 {operator}。</translation>
    </message>
    <message>
        <source>The day {day} of {sales_point} has not come yet (today is {today} at the utility): a day is closed on that day or after it.</source>
        <translation>{sales_point} 的 {day} 营业日尚未到来（按电力公司时间今天是 {today}）：营业日只能在当天或之后结账。</translation>
    </message>
    <message>
        <source>The day {day} of {sales_point} is not closed: only a closed day is reprinted. starpos shift days lists the days closed.</source>
        <translation>{sales_point} 的 {day} 营业日尚未结账：只有已结账的营业日才能重印。starpos shift days 列出已结账的营业日。</translation>
    </message>
</context>
<context>
    <name>shifts</name>
    <message>
        <source>X REPORT</source>
        <translation>X 报表</translation>
    </message>
    <message>
        <source>NOT A CLOSE</source>
        <translation>非结账</translation>
    </message>
    <message>
        <source>Z REPORT No. {number}</source>
        <translation>Z 报表 第 {number} 号</translation>
    </message>
    <message>
        <source>Z CORRECTION No. {number} (corrects Z {corrects})</source>
        <translation>Z 更正 第 {number} 号（更正 Z {corrects}）</translation>
    </message>
    <message>
        <source>DUPLICATE</source>
        <translation>副本</translation>
    </message>
    <message>
        <source>Till {till}</source>
        <translation>收银台 {till}</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <source>Closed by</source>
        <translation>结班人</translation>
    </message>
    <message>
        <source>Sales point</source>
        <translation>售电点</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>开班</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>清点</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结班</translation>
    </message>
    <message>
        <source>Sales by payment method</source>
        <translation>按付款方式的销售</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售笔数</translation>
    </message>
    <message>
        <source>Net sales</source>
        <translation>净销售额</translation>
    </message>
    <message>
        <source>Energy sold (kWh)</source>
        <translation>售出电量 (kWh)</translation>
    </message>
    <message>
        <source>Tokens issued</source>
        <translation>已发令牌</translation>
    </message>
    <message>
        <source>Smart card sales ({count})</source>
        <translation>智能卡销售（{count}）</translation>
    </message>
    <message>
        <source>Cancels and refunds ({count})</source>
        <translation>取消与退款（{count}）</translation>
    </message>
    <message>
        <source>Cancelled sales</source>
        <translation>已取消的售电</translation>
    </message>
    <message>
        <source>Cancel charges kept</source>
        <translation>保留的取消费用</translation>
    </message>
    <message>
        <source>Energy voided (kWh)</source>
        <translation>作废电量（kWh）</translation>
    </message>
    <message>
        <source>Refunded in cash</source>
        <translation>现金退款</translation>
    </message>
    <message>
        <source>Failed sales (no credit)</source>
        <translation>失败销售（未充值）</translation>
    </message>
    <message>
        <source>Cash drawer</source>
        <translation>钱箱</translation>
    </message>
    <message>
        <source>Opening float</source>
        <translation>备用金</translation>
    </message>
    <message>
        <source>Expected cash in drawer</source>
        <translation>钱箱应有现金</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>清点</translation>
    </message>
    <message>
        <source>expected</source>
        <translation>应有</translation>
    </message>
    <message>
        <source>counted</source>
        <translation>实点</translation>
    </message>
    <message>
        <source>variance</source>
        <translation>差额</translation>
    </message>
    <message>
        <source>Total variance</source>
        <translation>总差额</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Grand totals of the till (never reset)</source>
        <translation>收银台累计总额（永不清零）</translation>
    </message>
    <message>
        <source>Energy (kWh)</source>
        <translation>电量 (kWh)</translation>
    </message>
    <message>
        <source>Audit chain at the close: entry {entry}</source>
        <translation>结账时的审计链：第 {entry} 条</translation>
    </message>
    <message>
        <source>Z hash</source>
        <translation>Z 哈希</translation>
    </message>
    <message>
        <source>Previous Z</source>
        <translation>上一个 Z</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Signature: ____________________</source>
        <translation>签名：____________________</translation>
    </message>
    <message>
        <source>Cash drop</source>
        <translation>现金入保险柜</translation>
    </message>
    <message>
        <source>Cash pick-up</source>
        <translation>现金提取</translation>
    </message>
    <message>
        <source>Paid in</source>
        <translation>现金存入</translation>
    </message>
    <message>
        <source>Paid out</source>
        <translation>现金支出</translation>
    </message>
    <message>
        <source>Drawer opened</source>
        <translation>打开钱箱</translation>
    </message>
    <message>
        <source>{count} Z report(s) checked: the chain is intact.</source>
        <translation>已检查 {count} 份 Z 报表：链完整。</translation>
    </message>
    <message>
        <source>&amp;Close shift and make the Z</source>
        <translation>结班并生成 Z 报表(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>打印(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <source>A supervisor closes shift {shift}: sign in to compare the count.</source>
        <translation>由主管结束班次 {shift}：请登录以核对清点结果。</translation>
    </message>
    <message>
        <source>Above the threshold ({threshold}): give the reason you approve it.</source>
        <translation>超出阈值（{threshold}）：请填写批准原因。</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Cash drop…</source>
        <translation>现金入保险柜…</translation>
    </message>
    <message>
        <source>Close shift (supervisor)…</source>
        <translation>结班（主管）…</translation>
    </message>
    <message>
        <source>Close the shift (supervisor)</source>
        <translation>结班（主管）</translation>
    </message>
    <message>
        <source>Count the opening float in the drawer of {till}, note by note.</source>
        <translation>请逐张清点 {till} 钱箱中的备用金。</translation>
    </message>
    <message>
        <source>Count what is in the drawer (shift {shift}). The expected amounts are not shown: the supervisor compares them when closing.</source>
        <translation>请清点钱箱中的现金（班次 {shift}）。应有金额不显示：由主管在结班时核对。</translation>
    </message>
    <message>
        <source>End of shift: count the drawer</source>
        <translation>班次结束：清点钱箱</translation>
    </message>
    <message>
        <source>End shift (count the drawer)…</source>
        <translation>结束班次（清点钱箱）…</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应有</translation>
    </message>
    <message>
        <source>No open shift</source>
        <translation>没有打开的班次</translation>
    </message>
    <message>
        <source>Open a shift</source>
        <translation>开班</translation>
    </message>
    <message>
        <source>Open a shift now?</source>
        <translation>现在开班吗？</translation>
    </message>
    <message>
        <source>Open shift…</source>
        <translation>开班…</translation>
    </message>
    <message>
        <source>Open the drawer…</source>
        <translation>打开钱箱…</translation>
    </message>
    <message>
        <source>Other payment methods (totals)</source>
        <translation>其他付款方式（合计）</translation>
    </message>
    <message>
        <source>Paid in…</source>
        <translation>现金存入…</translation>
    </message>
    <message>
        <source>Paid out…</source>
        <translation>现金支出…</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Reason for the difference</source>
        <translation>差额原因</translation>
    </message>
    <message>
        <source>S&amp;hift</source>
        <translation>班次(&amp;H)</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>另存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Save the Z as PDF</source>
        <translation>将 Z 报表另存为 PDF</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>There is no shift open on this till.</source>
        <translation>此收银台没有打开的班次。</translation>
    </message>
    <message>
        <source>Total counted: {total}</source>
        <translation>清点合计：{total}</translation>
    </message>
    <message>
        <source>Total variance: {variance}</source>
        <translation>总差额：{variance}</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>差额</translation>
    </message>
    <message>
        <source>X report</source>
        <translation>X 报表</translation>
    </message>
    <message>
        <source>Cancels ({count}), refunded</source>
        <translation>撤销（{count}），已退款</translation>
    </message>
    <message>
        <source>&amp;Correct…</source>
        <translation>更正(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Reprint (DUPLICATE)</source>
        <translation>重新打印（副本）(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>Cash pick-up…</source>
        <translation>提取现金…</translation>
    </message>
    <message>
        <source>Close the &amp;day</source>
        <translation>结束营业日(&amp;D)</translation>
    </message>
    <message>
        <source>Closed at</source>
        <translation>结班时间</translation>
    </message>
    <message>
        <source>Correct Z {number}</source>
        <translation>更正 Z {number}</translation>
    </message>
    <message>
        <source>Corrections</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>DAY CLOSE</source>
        <translation>日结</translation>
    </message>
    <message>
        <source>Day close</source>
        <translation>日结</translation>
    </message>
    <message>
        <source>Day close…</source>
        <translation>日结…</translation>
    </message>
    <message>
        <source>Energy and the secure module</source>
        <translation>电量与安全模块</translation>
    </message>
    <message>
        <source>Every shift of the day is closed. Close the day and print it?</source>
        <translation>当日所有班次均已结班。结束营业日并打印？</translation>
    </message>
    <message>
        <source>Module credit used (kWh)</source>
        <translation>已用模块额度（kWh）</translation>
    </message>
    <message>
        <source>NOT CLOSED YET</source>
        <translation>尚未日结</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Per operator</source>
        <translation>按操作员</translation>
    </message>
    <message>
        <source>Per till</source>
        <translation>按收银台</translation>
    </message>
    <message>
        <source>Prints</source>
        <translation>打印次数</translation>
    </message>
    <message>
        <source>Sales point {sales_point}, {date}</source>
        <translation>售电点 {sales_point}，{date}</translation>
    </message>
    <message>
        <source>Shifts closed</source>
        <translation>已结班次</translation>
    </message>
    <message>
        <source>Sold without module credit (kWh)</source>
        <translation>未用模块额度售出（kWh）</translation>
    </message>
    <message>
        <source>The day cannot be closed while a shift of it is not closed: the shifts below must be counted and closed first.</source>
        <translation>当日仍有班次未结班，无法日结：请先清点并结束下列班次。</translation>
    </message>
    <message>
        <source>This day is closed already.</source>
        <translation>该营业日已日结。</translation>
    </message>
    <message>
        <source>This till has no Z report yet.</source>
        <translation>该收银台尚无 Z 报表。</translation>
    </message>
    <message>
        <source>Z reports of till {till}</source>
        <translation>收银台 {till} 的 Z 报表</translation>
    </message>
    <message>
        <source>Z reports…</source>
        <translation>Z 报表…</translation>
    </message>
    <message>
        <source>Z {number} stays as it was: the correction is a new Z that refers to it. Give the amounts as they should have been counted and why.</source>
        <translation>Z {number} 保持不变：更正是一份引用它的新 Z。请填写本应清点的金额及原因。</translation>
    </message>
    <message>
        <source>corrected by Z {numbers}</source>
        <translation>已由 Z {numbers} 更正</translation>
    </message>
    <message>
        <source>corrects Z {number}</source>
        <translation>更正 Z {number}</translation>
    </message>
    <message>
        <source>{count} Z reports. Arrows choose one, Enter shows it.</source>
        <translation>共 {count} 份 Z 报表。用方向键选择，按回车查看。</translation>
    </message>
    <message>
        <source>{name}: Z {numbers}</source>
        <translation>{name}：Z {numbers}</translation>
    </message>
    <message>
        <source>expected {expected}, counted {counted}</source>
        <translation>应有 {expected}，清点 {counted}</translation>
    </message>
    <message>
        <source>&amp;Set the limit</source>
        <translation>设定限额(&amp;S)</translation>
    </message>
    <message>
        <source>Business d&amp;ay</source>
        <translation>营业日(&amp;A)</translation>
    </message>
    <message>
        <source>Closed {at} by {operator}</source>
        <translation>{at} 由 {operator} 结账</translation>
    </message>
    <message>
        <source>Float limits</source>
        <translation>备用金限额</translation>
    </message>
    <message>
        <source>Float limits…</source>
        <translation>备用金限额…</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>剩余</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>限额</translation>
    </message>
    <message>
        <source>Limit of</source>
        <translation>限额对象</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>New &amp;limit for {who}</source>
        <translation>{who} 的新限额(&amp;L)</translation>
    </message>
    <message>
        <source>Only an administrator (edit base data) sets the limits.</source>
        <translation>只有管理员（可编辑基础数据）才能设定限额。</translation>
    </message>
    <message>
        <source>Operator {code}</source>
        <translation>操作员 {code}</translation>
    </message>
    <message>
        <source>Reading the day…</source>
        <translation>正在读取当日数据…</translation>
    </message>
    <message>
        <source>Sales point {code}</source>
        <translation>售电点 {code}</translation>
    </message>
    <message>
        <source>Sales since the last close count against the limit of the sales point and of the operator; at the limit, selling stops until a close hands the cash over. Arrows choose a row, Enter goes to its new limit.</source>
        <translation>上次结账以来的销售额计入售电点和操作员的限额；达到限额后停止售电，直到结账交款。用方向键选择一行，按回车键输入新限额。</translation>
    </message>
    <message>
        <source>Save as PD&amp;F…</source>
        <translation>另存为 PDF(&amp;F)…</translation>
    </message>
    <message>
        <source>Save the day close as PDF</source>
        <translation>将日结另存为 PDF</translation>
    </message>
    <message>
        <source>This day is closed already: below is its close as it was recorded.</source>
        <translation>该营业日已结账：以下是记录的日结。</translation>
    </message>
    <message>
        <source>Used since the last close</source>
        <translation>上次结账以来已用</translation>
    </message>
    <message>
        <source>empty: no limit</source>
        <translation>留空：不设限额</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>{sales_point} (no terminal)</source>
        <translation>{sales_point}（无终端）</translation>
    </message>
    <message>
        <source>Not closed: shift {shift} of {cashier} on {till}, still open</source>
        <translation>未结班：{cashier} 在 {till} 的班次 {shift}，仍在进行</translation>
    </message>
    <message>
        <source>Not closed: shift {shift} of {cashier} on {till}, counted but not closed</source>
        <translation>未结班：{cashier} 在 {till} 的班次 {shift}，已清点但未结班</translation>
    </message>
    <message>
        <source>{who} has no limit already: nothing was changed.</source>
        <translation>{who} 本来就没有限额：未做任何更改。</translation>
    </message>
    <message>
        <source>The limit of {who} is {limit} already: nothing was changed.</source>
        <translation>{who} 的限额本来就是 {limit}：未做任何更改。</translation>
    </message>
    <message numerus="yes">
        <source>Its close was printed {count} times: a new print says DUPLICATE.</source>
        <translation>
            <numerusform>其结账单已打印 {count} 次：再次打印将标注“副本”。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Print a copy (DUPLICATE)</source>
        <translation>打印副本(&amp;P)</translation>
    </message>
    <message>
        <source>Bill charges paid by {payment} ({count})</source>
        <translation>以 {payment} 支付的单据费用（{count}）</translation>
    </message>
</context>
</TS>
