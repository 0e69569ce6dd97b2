<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<!-- Operator roles with the permission matrix (manual 2.5) and numbering rules (manual 2.13)
     in the administration window (issue 12); their refusals and terms. -->
<context>
    <name>admin</name>
    <message>
        <source>&amp;Code *</source>
        <translation>代码(&amp;C) *</translation>
    </message>
    <message>
        <source>&amp;Permissions</source>
        <translation>权限(&amp;P)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(无)</translation>
    </message>
    <message>
        <source>A bill number is its fields followed by the serial. A changed rule never renumbers a bill: a new prefix starts its own serial.</source>
        <translation>单据号由其字段加流水号组成。修改规则不会重新编号已有单据：新的前缀从自己的流水号开始。</translation>
    </message>
    <message>
        <source>Bill type</source>
        <translation>单据类型</translation>
    </message>
    <message>
        <source>Delete the operator role {code}?</source>
        <translation>删除操作员角色 {code}？</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>In &amp;use</source>
        <translation>启用(&amp;U)</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>New operator role</source>
        <translation>新建操作员角色</translation>
    </message>
    <message>
        <source>Numbering of {bill} bills</source>
        <translation>{bill}单据编号</translation>
    </message>
    <message>
        <source>Numbering rules</source>
        <translation>编号规则</translation>
    </message>
    <message>
        <source>Operator role {code}</source>
        <translation>操作员角色 {code}</translation>
    </message>
    <message>
        <source>Operator roles</source>
        <translation>操作员角色</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>权限</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>S&amp;tart number</source>
        <translation>起始号(&amp;T)</translation>
    </message>
    <message>
        <source>Sample number</source>
        <translation>示例号码</translation>
    </message>
    <message>
        <source>Sample number: {number}</source>
        <translation>示例号码：{number}</translation>
    </message>
    <message>
        <source>Serial &amp;digits</source>
        <translation>流水号位数(&amp;D)</translation>
    </message>
    <message>
        <source>Serial &amp;restarts</source>
        <translation>流水号重置(&amp;R)</translation>
    </message>
    <message>
        <source>Serial digits</source>
        <translation>流水号位数</translation>
    </message>
    <message>
        <source>Text, or length of a code (empty: all)</source>
        <translation>文本，或代码长度（空：完整代码）</translation>
    </message>
    <message>
        <source>The length of field {row} is not a whole number: {text}</source>
        <translation>字段 {row} 的长度不是整数：{text}</translation>
    </message>
    <message>
        <source>Type the role's code.</source>
        <translation>请输入角色代码。</translation>
    </message>
    <message>
        <source>branch</source>
        <translation>分支机构</translation>
    </message>
    <message>
        <source>day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>every month</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>every year</source>
        <translation>每年</translation>
    </message>
    <message>
        <source>fixed text</source>
        <translation>固定文本</translation>
    </message>
    <message>
        <source>general</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
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
        <source>year (2026)</source>
        <translation>年（2026）</translation>
    </message>
    <message>
        <source>year (26)</source>
        <translation>年（26）</translation>
    </message>
    <message>
        <source>{granted} of {total}</source>
        <translation>{granted} / {total}</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Each counter numbers its {bill_type} bills in its own store, and a sales point has several terminals: add the terminal field, or two counters will make the same numbers.</source>
        <translation>每个柜台在自己的数据库中为{bill_type}单据编号，而某个售电点有多个终端：请加入终端字段，否则两个柜台会产生相同的号码。</translation>
    </message>
    <message>
        <source>A {bill_type} number could be {length} characters long with the codes in use; a bill number holds at most {maximum}. Remove a field, give a code field a length, or use fewer serial digits.</source>
        <translation>按现有代码，{bill_type}单据号最长可达 {length} 个字符；单据号最多 {maximum} 个字符。请删除一个字段、为代码字段指定长度，或减少流水号位数。</translation>
    </message>
    <message>
        <source>Field {position} is a fixed text without its text: type it (letters or digits), or choose another field.</source>
        <translation>字段 {position} 是固定文本但没有内容：请输入（字母或数字），或选择其他字段。</translation>
    </message>
    <message>
        <source>Without the permission to edit operators and roles in {role}, nobody who may log in could edit operators any more: keep it, or give it to another operator first.</source>
        <translation>如果 {role} 没有“编辑操作员和角色”权限，将没有可登录的人能再编辑操作员：请保留该权限，或先把它授予另一位操作员。</translation>
    </message>
</context>
<context>
    <name>terms</name>
    <message>
        <source>sale</source>
        <translation>售电</translation>
    </message>
    <message>
        <source>stock in</source>
        <translation>入库</translation>
    </message>
    <message>
        <source>stock out</source>
        <translation>出库</translation>
    </message>
    <message>
        <source>meter replacement</source>
        <translation>换表</translation>
    </message>
    <message>
        <source>contract cancellation</source>
        <translation>销户</translation>
    </message>
    <message>
        <source>token cancel</source>
        <translation>令牌取消</translation>
    </message>
    <message>
        <source>payment change</source>
        <translation>付费方式变更</translation>
    </message>
    <message>
        <source>serial digits</source>
        <translation>流水号位数</translation>
    </message>
    <message>
        <source>start number</source>
        <translation>起始号</translation>
    </message>
    <message>
        <source>length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>numbering rule</source>
        <translation>编号规则</translation>
    </message>
</context>
<context>
    <name>permissions</name>
    <message>
        <source>At the counter</source>
        <translation>柜台</translation>
    </message>
    <message>
        <source>Cash, shifts and reports</source>
        <translation>现金、班次和报表</translation>
    </message>
    <message>
        <source>Customers and meters</source>
        <translation>客户和电表</translation>
    </message>
    <message>
        <source>Tokens and keys</source>
        <translation>令牌和密钥</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>管理</translation>
    </message>
</context>
</TS>
