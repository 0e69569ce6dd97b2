<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<!-- The meter stock screen and commands (manual 3.1-3.2, issue 12). -->
<context>
    <name>admin</name>
    <message>
        <source>stock in</source>
        <translation>入库</translation>
    </message>
    <message>
        <source>stock out</source>
        <translation>出库</translation>
    </message>
    <message>
        <source>back from branch</source>
        <translation>从其他网点退回</translation>
    </message>
    <message>
        <source>A part of the meter number</source>
        <translation>电表号的一部分</translation>
    </message>
    <message>
        <source>Stock &amp;in (Ins)</source>
        <translation>入库(&amp;I) (Ins)</translation>
    </message>
    <message>
        <source>&amp;Range (F6)</source>
        <translation>按号段(&amp;R) (F6)</translation>
    </message>
    <message>
        <source>From &amp;file (F7)</source>
        <translation>从文件(&amp;F) (F7)</translation>
    </message>
    <message>
        <source>Stock &amp;out (F3)</source>
        <translation>出库(&amp;O) (F3)</translation>
    </message>
    <message>
        <source>Back from bra&amp;nch (F4)</source>
        <translation>网点退回(&amp;N) (F4)</translation>
    </message>
    <message>
        <source>S&amp;et status (F2)</source>
        <translation>设置状态(&amp;E) (F2)</translation>
    </message>
    <message>
        <source>&amp;History (Enter)</source>
        <translation>历史(&amp;H) (Enter)</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Meters from a CSV file</source>
        <translation>从 CSV 文件导入电表</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>&amp;Where:</source>
        <translation>位置(&amp;W)：</translation>
    </message>
    <message>
        <source>Stat&amp;us:</source>
        <translation>状态(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Branch:</source>
        <translation>网点(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>型号(&amp;M)：</translation>
    </message>
    <message>
        <source>You may look at the stock; moving meters needs the permission “Stock meters in and out”.</source>
        <translation>您可以查看库存；移动电表需要“电表入库和出库”权限。</translation>
    </message>
    <message>
        <source>Meter stock</source>
        <translation>电表库存</translation>
    </message>
    <message>
        <source>Last bill: {bills} ({move}, meters: {count})</source>
        <translation>最近单据：{bills}（{move}，电表数：{count}）</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>单据</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Drawer or reason</source>
        <translation>领用人或原因</translation>
    </message>
    <message>
        <source>Stock in a range</source>
        <translation>按号段入库</translation>
    </message>
    <message>
        <source>Stock in one meter</source>
        <translation>单块电表入库</translation>
    </message>
    <message>
        <source>First meter number</source>
        <translation>起始电表号</translation>
    </message>
    <message>
        <source>Meter number</source>
        <translation>电表号</translation>
    </message>
    <message>
        <source>Type the meter number.</source>
        <translation>请输入电表号。</translation>
    </message>
    <message>
        <source>The supply group code has 6 digits.</source>
        <translation>供电组代码为 6 位数字。</translation>
    </message>
    <message>
        <source>Set up a meter model and a branch first.</source>
        <translation>请先设置电表型号和网点。</translation>
    </message>
    <message>
        <source>Stock out</source>
        <translation>出库</translation>
    </message>
    <message>
        <source>Type the meter numbers.</source>
        <translation>请输入电表号。</translation>
    </message>
    <message>
        <source>Back from another branch</source>
        <translation>从其他网点退回</translation>
    </message>
    <message>
        <source>found from the meters when empty</source>
        <translation>留空则按电表自动查找</translation>
    </message>
    <message>
        <source>Meter numbers</source>
        <translation>电表号</translation>
    </message>
    <message>
        <source>Their stock-out bill</source>
        <translation>其出库单据</translation>
    </message>
    <message>
        <source>Meter status</source>
        <translation>电表状态</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Say why the status changes.</source>
        <translation>请说明状态变更的原因。</translation>
    </message>
    <message>
        <source>How many meters</source>
        <translation>电表数量</translation>
    </message>
    <message>
        <source>Meter model</source>
        <translation>电表型号</translation>
    </message>
    <message>
        <source>Supply group code (SGC)</source>
        <translation>供电组代码 (SGC)</translation>
    </message>
    <message>
        <source>Tariff index (TI)</source>
        <translation>费率索引 (TI)</translation>
    </message>
    <message>
        <source>Key revision number (KRN)</source>
        <translation>密钥版本号 (KRN)</translation>
    </message>
    <message>
        <source>Base date</source>
        <translation>基准日期</translation>
    </message>
    <message>
        <source>Key register</source>
        <translation>密钥寄存器</translation>
    </message>
    <message>
        <source>Out type</source>
        <translation>出库类型</translation>
    </message>
    <message>
        <source>To branch</source>
        <translation>目标网点</translation>
    </message>
    <message>
        <source>Drawer (who takes them)</source>
        <translation>领用人</translation>
    </message>
    <message>
        <source>For installation</source>
        <translation>用于安装</translation>
    </message>
    <message>
        <source>To another branch</source>
        <translation>调往其他网点</translation>
    </message>
    <message>
        <source>History of meter {number}</source>
        <translation>电表 {number} 的历史</translation>
    </message>
    <message>
        <source>The file was not imported</source>
        <translation>文件未导入</translation>
    </message>
    <message>
        <source>line {line}, column {column}: {why}</source>
        <translation>第 {line} 行，{column} 列：{why}</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Stocked in</source>
        <translation>入库日期</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Meter {number} is installed for a customer; its status is set when it comes back to stock (replacement or cancelled contract).</source>
        <translation>电表 {number} 已为客户安装；其状态在退回库存时（换表或撤销合同）设置。</translation>
    </message>
</context>
<context>
    <name>terms</name>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Meter numbers</source>
        <translation>电表号</translation>
    </message>
    <message>
        <source>say why the status changes (at most 200 characters).</source>
        <translation>请说明状态变更的原因（最多 200 个字符）。</translation>
    </message>
    <message>
        <source>name at least one meter, each once.</source>
        <translation>请至少填写一块电表，且每块只填一次。</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>良好</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>维修</translation>
    </message>
    <message>
        <source>Scrap</source>
        <translation>报废</translation>
    </message>
    <message>
        <source>Stock in: new meter</source>
        <translation>入库：新表</translation>
    </message>
    <message>
        <source>Stock in: replaced meter</source>
        <translation>入库：换下的旧表</translation>
    </message>
    <message>
        <source>Stock in: from another branch</source>
        <translation>入库：来自其他网点</translation>
    </message>
    <message>
        <source>Stock in: cancelled contract</source>
        <translation>入库：撤销合同</translation>
    </message>
    <message>
        <source>Stock out: for installation</source>
        <translation>出库：用于安装</translation>
    </message>
    <message>
        <source>Stock out: to another branch</source>
        <translation>出库：调往其他网点</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>状态变更</translation>
    </message>
    <message>
        <source>In stock</source>
        <translation>在库</translation>
    </message>
    <message>
        <source>Out for installation</source>
        <translation>已出库待安装</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>已安装</translation>
    </message>
    <message>
        <source>Sent to another branch</source>
        <translation>已调往其他网点</translation>
    </message>
    <message>
        <source>Scrapped</source>
        <translation>已报废</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>{shown} of {total} meters (from {first})</source>
        <translation>共 {total} 块电表，显示 {shown} 块（从第 {first} 块起）</translation>
    </message>
    <message>
        <source>meter {number} is now {status} (was {before})</source>
        <translation>电表 {number} 现为{status}（原为{before}）</translation>
    </message>
</context>
</TS>
