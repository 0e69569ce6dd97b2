<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<!-- Changing a customer, a customer's meter and adding a meter contract (issue 12,
     manual 4.1-4.3): the customers screen, its boxes and the core's refusals. -->
<context>
    <name>admin</name>
    <message>
        <source>&amp;Add meter… (Ins)</source>
        <translation>添加电表(&amp;A)… (Ins)</translation>
    </message>
    <message>
        <source>&amp;Change… (F2)</source>
        <translation>修改(&amp;C)… (F2)</translation>
    </message>
    <message>
        <source>Change &amp;meter… (F4)</source>
        <translation>修改电表(&amp;M)… (F4)</translation>
    </message>
    <message>
        <source>Add a meter for customer {code}</source>
        <translation>为客户 {code} 添加电表</translation>
    </message>
    <message>
        <source>Change customer {code}</source>
        <translation>修改客户 {code}</translation>
    </message>
    <message>
        <source>Change meter {number}</source>
        <translation>修改电表 {number}</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>银行</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>银行账号</translation>
    </message>
    <message>
        <source>Base date</source>
        <translation>基准日期</translation>
    </message>
    <message>
        <source>Contract end</source>
        <translation>合同终止日期</translation>
    </message>
    <message>
        <source>Contract start</source>
        <translation>合同起始日期</translation>
    </message>
    <message>
        <source>Corporation</source>
        <translation>法人代表</translation>
    </message>
    <message>
        <source>Ex-factory date</source>
        <translation>出厂日期</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Install date</source>
        <translation>安装日期</translation>
    </message>
    <message>
        <source>Key data</source>
        <translation>密钥数据</translation>
    </message>
    <message>
        <source>Key data changes only with key change tokens: flag the meter for a key change at its next purchase (Tokens &gt; Key change at the next purchase… at the counter, or starpos keychange flag).</source>
        <translation>密钥数据只能通过换密钥令牌更改：请标记该电表在下次购电时换密钥(收费端的 令牌 &gt; 下次购电时换密钥…，或 starpos keychange flag)。</translation>
    </message>
    <message>
        <source>Key register</source>
        <translation>密钥寄存器</translation>
    </message>
    <message>
        <source>Key type</source>
        <translation>密钥类型</translation>
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
        <source>Meter model</source>
        <translation>电表型号</translation>
    </message>
    <message>
        <source>Meter number</source>
        <translation>电表号</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Register date</source>
        <translation>开户日期</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Tariff</source>
        <translation>电价</translation>
    </message>
    <message>
        <source>Tax registration number</source>
        <translation>税务登记号</translation>
    </message>
    <message>
        <source>Type or scan the meter number.</source>
        <translation>请输入或扫描电表号。</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>{field} is not a date: type it as YYYY-MM-DD.</source>
        <translation>{field}不是日期：请按 YYYY-MM-DD 格式输入。</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Customer {code} is blacklisted: reinstate them first (with the reason), then add the meter.</source>
        <translation>客户 {code} 已被列入黑名单：请先恢复该客户(注明原因)，再添加电表。</translation>
    </message>
    <message>
        <source>Meter model {model} is {mode}, meter {number} is {current}: switch the meter between prepaid and postpaid with the payment change (starpos meter payment-change), then choose a model paid the same way.</source>
        <translation>电表型号 {model} 为 {mode}，电表 {number} 为 {current}：请先通过付费方式变更(starpos meter payment-change)切换预付费/后付费，再选择付费方式相同的型号。</translation>
    </message>
    <message>
        <source>Meter {number} belongs to customer {owner}, not to {customer}. Check the meter.</source>
        <translation>电表 {number} 属于客户 {owner}，不属于 {customer}。请核对电表。</translation>
    </message>
    <message>
        <source>Meter {number} cannot be installed on {when}, a day still to come.</source>
        <translation>电表 {number} 的安装日期不能是将来的日期 {when}。</translation>
    </message>
    <message>
        <source>Meter {number} has no customer (stock status {status}): add a meter contract to a customer first; a meter in stock is changed with the stock.</source>
        <translation>电表 {number} 没有客户(库存状态 {status})：请先为客户添加电表合同；库存中的电表在库存管理中修改。</translation>
    </message>
    <message>
        <source>Meter {number} is marked {condition}: only a meter in good condition is installed. Choose another meter.</source>
        <translation>电表 {number} 标记为 {condition}：只能安装状态良好的电表。请选择其他电表。</translation>
    </message>
    <message>
        <source>Meter {number}'s key data ({fields}) changes only with key change tokens, or the meter would reject its next token: flag it for a key change at its next purchase (starpos keychange flag --meter {number}) or issue an engineering key change.</source>
        <translation>电表 {number} 的密钥数据({fields})只能通过换密钥令牌更改，否则电表会拒绝下一个令牌：请标记其在下次购电时换密钥(starpos keychange flag --meter {number})，或发行工程换密钥令牌。</translation>
    </message>
    <message>
        <source>The contract of meter {number} cannot end on {end}, before it starts on {start}.</source>
        <translation>电表 {number} 的合同终止日期 {end} 不能早于起始日期 {start}。</translation>
    </message>
    <message>
        <source>The register date {when} is after today ({today}): give the day the customer registered.</source>
        <translation>开户日期 {when} 晚于今天({today})：请填写客户实际开户的日期。</translation>
    </message>
    <message>
        <source>{field} holds at most {limit} characters; the text given has {length}.</source>
        <translation>{field}最多 {limit} 个字符；所填内容有 {length} 个。</translation>
    </message>
</context>
<context>
    <name>terms</name>
    <message>
        <source>Bank</source>
        <translation>银行</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>银行账号</translation>
    </message>
    <message>
        <source>Corporation</source>
        <translation>法人代表</translation>
    </message>
    <message>
        <source>Customer type</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Register date</source>
        <translation>开户日期</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Tax registration number</source>
        <translation>税务登记号</translation>
    </message>
</context>
<!-- The register charge in the registration and add-meter boxes (decision BO-21). -->
<context>
    <name>admin</name>
    <message>
        <source>Register charge</source>
        <translation>开户费用</translation>
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
        <source>the charge exactly</source>
        <translation>按费用金额收取</translation>
    </message>
    <message>
        <source>{missing} short</source>
        <translation>还差 {missing}</translation>
    </message>
    <message>
        <source>{field} is not an amount of money: type it as 20.00.</source>
        <translation>{field} 不是有效金额：请按 20.00 的格式输入。</translation>
    </message>
    <message>
        <source>Customer {code}, bill {bill}: register charge {charge}, paid {paid}, change {change}.</source>
        <translation>客户 {code}，单据 {bill}：开户费用 {charge}，实收 {paid}，找零 {change}。</translation>
    </message>
</context>
</TS>
