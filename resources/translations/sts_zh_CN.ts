<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>errors</name>
    <message>
        <source>The token could not be made or read.</source>
        <translation>无法生成或读取令牌。</translation>
    </message>
    <message>
        <source>The meter number {value!r} is not valid.</source>
        <translation>表号 {value!r} 无效。</translation>
    </message>
    <message>
        <source>The meter number {value!r} must contain digits only: check it on the meter and type it again.</source>
        <translation>表号 {value!r} 只能包含数字：请核对电表上的号码后重新输入。</translation>
    </message>
    <message>
        <source>The meter number {value!r} has {length} digits; a meter number has 11 or 13 digits (or 18 for a full PAN): check it on the meter.</source>
        <translation>表号 {value!r} 有 {length} 位；表号应为 11 位或 13 位（完整 PAN 为 18 位）：请核对电表上的号码。</translation>
    </message>
    <message>
        <source>The check digit of the meter number {value!r} is {found}, but it should be {expected}: a digit was probably mistyped, check the meter number.</source>
        <translation>表号 {value!r} 的校验位是 {found}，应为 {expected}：可能输错了某一位，请核对表号。</translation>
    </message>
    <message>
        <source>The last (PAN) check digit of {value!r} is {found}, but it should be {expected}: a digit was probably mistyped, check the number.</source>
        <translation>{value!r} 的最后一位（PAN）校验位是 {found}，应为 {expected}：可能输错了某一位，请核对号码。</translation>
    </message>
    <message>
        <source>The PAN {value!r} starts with an unknown issuer number: only 600727 and 0000 are supported.</source>
        <translation>PAN {value!r} 以未知的发行方号码开头：仅支持 600727 和 0000。</translation>
    </message>
    <message>
        <source>The {part} {value!r} must have {length} digits.</source>
        <translation>{part} {value!r} 必须是 {length} 位数字。</translation>
    </message>
    <message>
        <source>The amount {amount} cannot be put in a token.</source>
        <translation>金额 {amount} 无法放入购电码。</translation>
    </message>
    <message>
        <source>The amount must be more than 0; {amount} was given. Enter a positive amount.</source>
        <translation>金额必须大于 0；输入的是 {amount}。请输入正数金额。</translation>
    </message>
    <message>
        <source>The amount {amount} is more than one token can carry ({maximum}): split the sale into several tokens.</source>
        <translation>金额 {amount} 超过单个购电码的上限（{maximum}）：请将本次销售拆分为多个购电码。</translation>
    </message>
    <message>
        <source>The amount {amount!r} is not a number: enter a decimal number such as 12.5.</source>
        <translation>金额 {amount!r} 不是数字：请输入小数，例如 12.5。</translation>
    </message>
    <message>
        <source>The {field} {value!r} is not valid: it must be {expected}.</source>
        <translation>字段 {field} 的值 {value!r} 无效：应为 {expected}。</translation>
    </message>
    <message>
        <source>The base date {value!r} is not supported: use 1993, 2014 or 2035.</source>
        <translation>不支持基准日期 {value!r}：请使用 1993、2014 或 2035。</translation>
    </message>
    <message>
        <source>The issue time {issued_at} is before the meter's base date {base_date}: check the clock of this computer.</source>
        <translation>发行时间 {issued_at} 早于电表的基准日期 {base_date}：请检查本机时钟。</translation>
    </message>
    <message>
        <source>The issue time {issued_at} is past the last token identifier of base date {base_date}: the meter needs a key change to a newer base date.</source>
        <translation>发行时间 {issued_at} 已超出基准日期 {base_date} 的最后一个令牌标识：电表需要换密钥到更新的基准日期。</translation>
    </message>
    <message>
        <source>The issue time {value!r} is not an ISO 8601 date and time.</source>
        <translation>发行时间 {value!r} 不是 ISO 8601 格式的日期时间。</translation>
    </message>
    <message>
        <source>The {kind} {value!r} is not supported: use {supported}.</source>
        <translation>不支持 {kind} {value!r}：请使用 {supported}。</translation>
    </message>
    <message>
        <source>The {name} is not valid hexadecimal: check the key file.</source>
        <translation>{name} 不是有效的十六进制：请检查密钥文件。</translation>
    </message>
    <message>
        <source>The {name} has {bits} bits, but {algorithm} needs {expected} bits.</source>
        <translation>{name} 为 {bits} 位，但 {algorithm} 需要 {expected} 位。</translation>
    </message>
    <message>
        <source>The meter's key expired (key expiry number {ken}, token identifier {tid}): issue a key change token before selling credit.</source>
        <translation>电表密钥已过期（密钥到期号 {ken}，令牌标识 {tid}）：请先发行换密钥令牌再售电。</translation>
    </message>
    <message>
        <source>Token class {token_class} subclass {subclass} is not supported.</source>
        <translation>不支持类别 {token_class} 子类 {subclass} 的令牌。</translation>
    </message>
    <message>
        <source>The token {token!r} must be 20 digits: check it and type it again.</source>
        <translation>令牌 {token!r} 必须是 20 位数字：请核对后重新输入。</translation>
    </message>
    <message>
        <source>The token {token} failed its check: a digit is wrong, or the token is not for this meter.</source>
        <translation>令牌 {token} 校验失败：有数字错误，或该令牌不属于此电表。</translation>
    </message>
    <message>
        <source>The token request is missing {field}: add it and try again.</source>
        <translation>令牌请求缺少 {field}：请补充后重试。</translation>
    </message>
    <message>
        <source>The STA tables in {path} are not valid: {reason}.</source>
        <translation>{path} 中的 STA 表无效：{reason}。</translation>
    </message>
    <message>
        <source>The request line is not a JSON object ({reason}): write one JSON object per line.</source>
        <translation>请求行不是 JSON 对象（{reason}）：每行写一个 JSON 对象。</translation>
    </message>
</context>
<context>
    <name>sts</name>
    <message>
        <source>decoder key</source>
        <translation>解码器密钥</translation>
    </message>
    <message>
        <source>internal error ({kind})</source>
        <translation>内部错误（{kind}）</translation>
    </message>
    <message>
        <source>STA (EA07) credit tokens incl. DKGA02</source>
        <translation>STA（EA07）购电码（含 DKGA02）</translation>
    </message>
    <message>
        <source>MISTY1 (EA11) credit tokens incl. DKGA04</source>
        <translation>MISTY1（EA11）购电码（含 DKGA04）</translation>
    </message>
    <message>
        <source>tokens per second of CPU time</source>
        <translation>个令牌/CPU 秒</translation>
    </message>
    <message>
        <source>token batch, the same STA tokens as JSON lines: {rate} {unit} ({share} % of the engine alone)</source>
        <translation>token batch，同样的 STA 令牌以 JSON 行输入输出：{rate} {unit}（为引擎单独速度的 {share}%）</translation>
    </message>
    <message>
        <source>wall clock</source>
        <translation>实际耗时</translation>
    </message>
</context>
</TS>
