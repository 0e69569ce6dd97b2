<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>errors</name>
    <message>
      <source>The local database could not be used.</source>
      <translation>无法使用本地数据库。</translation>
    </message>
    <message>
      <source>You are not allowed to do this.</source>
      <translation>您无权执行此操作。</translation>
    </message>
    <message>
      <source>The setting is not valid.</source>
      <translation>该设置无效。</translation>
    </message>
    <message>
      <source>The database is busy with another program for too long. Wait a moment and try again; if it keeps happening, close the other StarPOS windows.</source>
      <translation>数据库被另一个程序占用太久。请稍候再试；如果反复出现，请关闭其他 StarPOS 窗口。</translation>
    </message>
    <message>
      <source>The database could not be used: {reason}. Check the disk and the data folder.</source>
      <translation>无法使用数据库：{reason}。请检查磁盘和数据文件夹。</translation>
    </message>
    <message>
      <source>The database was made by a newer StarPOS (schema {found}); this one knows up to {head}. Install the newer StarPOS or point --data-dir at another folder.</source>
      <translation>该数据库由更新版本的 StarPOS 创建（架构 {found}）；本版本最高支持 {head}。请安装更新的 StarPOS，或用 --data-dir 指向其他文件夹。</translation>
    </message>
    <message>
      <source>There is no automatic numbering for {bill_type} bills. An administrator must set it up under Auto-Generate No. Setting.</source>
      <translation>{bill_type} 单据没有自动编号规则。请管理员在“自动编号设置”中设置。</translation>
    </message>
    <message>
      <source>The {digits}-digit serial of {bill_type} numbers is used up for {period}. An administrator must allow more serial digits or a resetting prefix.</source>
      <translation>{bill_type} 单据的 {digits} 位流水号在 {period} 已用完。请管理员增加流水号位数或使用会重置的前缀。</translation>
    </message>
    <message>
      <source>A {bill_type} number would be {length} characters long; at most {maximum} fit. Shorten the prefix fields in Auto-Generate No. Setting.</source>
      <translation>{bill_type} 单据号将有 {length} 个字符，最多只能 {maximum} 个。请在“自动编号设置”中缩短前缀字段。</translation>
    </message>
    <message>
      <source>The audit log has been tampered with: {count} problem(s), the first at entry {entry_id}. Keep a copy of the database and tell the administrator; starpos audit verify --json lists every problem.</source>
      <translation>审计日志已被篡改：共 {count} 处问题，第一处在第 {entry_id} 条。请保留数据库副本并通知管理员；starpos audit verify --json 会列出所有问题。</translation>
    </message>
    <message>
      <source>The audit log is not set up in this database. Run: starpos db upgrade</source>
      <translation>此数据库中未建立审计日志。请运行：starpos db upgrade</translation>
    </message>
    <message>
      <source>The operator code or the password is wrong. Check both and try again.</source>
      <translation>操作员代码或密码错误。请检查后重试。</translation>
    </message>
    <message>
      <source>Operator {operator} is locked after {attempts} wrong passwords. Try again after {until} or ask a supervisor.</source>
      <translation>操作员 {operator} 因 {attempts} 次密码错误已被锁定。请在 {until} 之后重试，或联系主管。</translation>
    </message>
    <message>
      <source>Operator {operator} may not log in. Ask an administrator to allow it.</source>
      <translation>操作员 {operator} 被禁止登录。请联系管理员开通。</translation>
    </message>
    <message>
      <source>This needs an operator signed in with their password. Sign in and try again.</source>
      <translation>此操作需要操作员用密码登录。请登录后重试。</translation>
    </message>
    <message>
      <source>Operator {operator} may only log in at sales point {home}, not at {here}. Ask an administrator to allow logging in at other sales points.</source>
      <translation>操作员 {operator} 只能在售电点 {home} 登录，不能在 {here} 登录。请联系管理员允许在其他售电点登录。</translation>
    </message>
    <message>
      <source>Operator {operator} must choose a new password before going on.</source>
      <translation>操作员 {operator} 必须先设置新密码才能继续。</translation>
    </message>
    <message>
      <source>The new password must have at least {minimum} characters and differ from the operator code and the old password.</source>
      <translation>新密码至少需要 {minimum} 个字符，且不能与操作员代码或旧密码相同。</translation>
    </message>
    <message>
      <source>Operator {operator} does not have the permission {permission}. Ask a supervisor or an administrator.</source>
      <translation>操作员 {operator} 没有 {permission} 权限。请联系主管或管理员。</translation>
    </message>
    <message>
      <source>There is no permission called {name}.</source>
      <translation>不存在名为 {name} 的权限。</translation>
    </message>
    <message>
      <source>There is no operator with the code {operator}.</source>
      <translation>不存在代码为 {operator} 的操作员。</translation>
    </message>
    <message>
      <source>There is no operator role with the code {role}.</source>
      <translation>不存在代码为 {role} 的操作员角色。</translation>
    </message>
    <message>
      <source>The system parameters (company, currency, time zone) are not set up. An administrator must fill them in first, or run: starpos demo seed</source>
      <translation>系统参数（公司、货币、时区）尚未设置。请管理员先填写，或运行：starpos demo seed</translation>
    </message>
    <message>
      <source>The time zone {zone} in the system parameters is unknown. Use a name like Africa/Lagos.</source>
      <translation>系统参数中的时区 {zone} 无法识别。请使用类似 Africa/Lagos 的名称。</translation>
    </message>
    <message>
      <source>No meter {number} is registered here. Check the number on the meter, or register the customer's meter first.</source>
      <translation>此处未登记电表 {number}。请核对电表上的表号，或先为客户登记该电表。</translation>
    </message>
    <message>
      <source>Meter {number} is not installed for a customer, so credit cannot be sold for it. Register it to the customer first.</source>
      <translation>电表 {number} 尚未安装给任何客户，无法为其售电。请先将其登记到客户名下。</translation>
    </message>
    <message>
      <source>There is no customer with the code {code}. Check the code or search by name.</source>
      <translation>不存在代码为 {code} 的客户。请核对代码或按姓名查找。</translation>
    </message>
    <message>
      <source>There is no customer type {code}. Choose one from Customer Type.</source>
      <translation>不存在客户类型 {code}。请从“客户类型”中选择。</translation>
    </message>
    <message>
      <source>There is no region {code}. Choose one from Region.</source>
      <translation>不存在区域 {code}。请从“区域”中选择。</translation>
    </message>
    <message>
      <source>Meter {number} is already in the system; it cannot be stocked in as new.</source>
      <translation>电表 {number} 已在系统中，不能作为新表入库。</translation>
    </message>
    <message>
      <source>Meter {number} cannot be used for this while its stock status is {status}. Check the meter's history (stock in, stock out, installation).</source>
      <translation>电表 {number} 的库存状态为 {status}，不能用于此操作。请查看电表履历（入库、出库、安装）。</translation>
    </message>
    <message>
      <source>There is no {table} record with the code {code}. Check the base data.</source>
      <translation>{table} 中不存在代码为 {code} 的记录。请检查基础数据。</translation>
    </message>
    <message>
      <source>Meter {number} has no tariff. An administrator must give it one before selling.</source>
      <translation>电表 {number} 没有电价方案。售电前请管理员为其设置。</translation>
    </message>
    <message>
      <source>There is no tariff {code}. Choose one from the tariff schemes.</source>
      <translation>不存在电价方案 {code}。请从电价方案中选择。</translation>
    </message>
    <message>
      <source>Tariff {code} already has a version starting at {when}. Choose another start time; versions in force are never changed.</source>
      <translation>电价方案 {code} 已有一个从 {when} 开始的版本。请选择其他生效时间；已生效的版本不会被修改。</translation>
    </message>
    <message>
      <source>This database already holds a utility's data, so the demo is not seeded into it. Point --data-dir (or STARPOS_DATA_DIR) at an empty folder.</source>
      <translation>此数据库已有电力公司的数据，因此不会载入演示数据。请用 --data-dir（或 STARPOS_DATA_DIR）指向一个空文件夹。</translation>
    </message>
      <message>
        <source>The store has no identity (schema older than 0009). Run: starpos db upgrade</source>
        <translation>数据库没有身份标识（架构早于 0009）。请运行：starpos db upgrade</translation>
    </message>
    <message>
        <source>The store {file} is damaged: {what}. Nothing was changed. Restore the last backup (starpos db restore FOLDER); or keep this file for the administrator and make a new store with starpos db init --new-store.</source>
        <translation>数据库 {file} 已损坏：{what}。未做任何更改。请恢复最近的备份（starpos db restore 文件夹）；或者为管理员保留此文件，并用 starpos db init --new-store 新建数据库。</translation>
    </message>
    <message>
        <source>The store of this data folder ({store_id}, named in {marker}) is missing or empty at {file}. Nothing was made in its place. Restore the last backup (starpos db restore FOLDER); or make a new store with starpos db init --new-store.</source>
        <translation>本数据文件夹的数据库（{store_id}，记录在 {marker} 中）在 {file} 处缺失或为空。未在其位置新建任何内容。请恢复最近的备份（starpos db restore 文件夹）；或用 starpos db init --new-store 新建数据库。</translation>
    </message>
    <message>
        <source>The store file {file} is store {found}, but this data folder's store is {expected} (named in {marker}). Put that store's file back or restore its backup (starpos db restore FOLDER); starpos db init --new-store makes a new store instead.</source>
        <translation>数据库文件 {file} 是数据库 {found}，但本数据文件夹的数据库是 {expected}（记录在 {marker} 中）。请放回该数据库的文件或恢复其备份（starpos db restore 文件夹）；starpos db init --new-store 则会新建数据库。</translation>
    </message>
    <message>
        <source>it is empty (0 bytes): it was truncated</source>
        <translation>文件为空（0 字节）：已被截断</translation>
    </message>
    <message>
        <source>it does not begin as an SQLite database: its header is zeroed or overwritten</source>
        <translation>文件开头不是 SQLite 数据库：文件头被清零或覆盖</translation>
    </message>
    <message>
        <source>it is shorter than its header says ({size} of {expected} bytes): it was cut</source>
        <translation>文件比文件头所述的短（{size} / {expected} 字节）：已被截短</translation>
    </message>
    <message>
        <source>SQLite reads it as damaged ({reason})</source>
        <translation>SQLite 读取时发现已损坏（{reason}）</translation>
    </message>
    <message>
        <source>The data folder {folder} cannot be written: {why}. What this command was doing was not recorded. Free space on that disk, or make the folder writable, then run the command again.</source>
        <translation>无法写入数据文件夹 {folder}：{why}。此命令正在进行的操作未被记录。请释放该磁盘的空间，或使该文件夹可写，然后重新运行该命令。</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>it is read-only</source>
        <translation>它是只读的</translation>
    </message>
    <message>
      <source>No operator is logged in. Run starpos login first, or give --operator CODE with the password (typed at the prompt, or --password-stdin).</source>
      <translation>没有操作员登录。请先运行 starpos login，或用 --operator CODE 并提供密码（在提示时输入，或用 --password-stdin）。</translation>
    </message>
    <message>
      <source>The login of operator {operator} has expired or was ended. Run starpos login again.</source>
      <translation>操作员 {operator} 的登录已过期或已结束。请重新运行 starpos login。</translation>
    </message>
    <message>
      <source>The login file {path} cannot be used: {reason}. Run starpos logout, then starpos login again.</source>
      <translation>登录文件 {path} 无法使用：{reason}。请运行 starpos logout，然后重新运行 starpos login。</translation>
    </message>
    <message>
      <source>There is no terminal with the code {terminal}. Check the code in the back office.</source>
      <translation>没有代码为 {terminal} 的终端。请在后台核对代码。</translation>
    </message>
    <message>
        <source>Meter {number} is marked {condition}: only a Good meter goes out for installation. Set its status to Good once it has been repaired and tested.</source>
        <translation>电表 {number} 标记为{condition}：只有状态为良好的电表才能出库安装。修复并测试合格后，请将其状态设为良好。</translation>
    </message>
</context>
  <context>
    <name>cli</name>
    <message>
      <source>Database ready at schema {revision}.</source>
      <translation>数据库已就绪，架构版本 {revision}。</translation>
    </message>
    <message>
      <source>The audit log is intact: {count} entries checked.</source>
      <translation>审计日志完整：已检查 {count} 条记录。</translation>
    </message>
    <message>
      <source>Demo utility seeded: {customers} customers, {meters} meters installed, {spares} in stock. Log in as STAR with the password star (you will be asked to change it).</source>
      <translation>演示电力公司已载入：{customers} 个客户，已安装 {meters} 块电表，库存 {spares} 块。请以 STAR 登录，密码 star（系统会要求您修改密码）。</translation>
    </message>
    <message>
      <source>Secure module {module}: {keys} demo keys loaded, credit {balance} kWh.</source>
      <translation>安全模块 {module}：已载入 {keys} 个演示密钥，额度 {balance} kWh。</translation>
    </message>
    <message>
      <source>Meter</source>
      <translation>电表</translation>
    </message>
    <message>
      <source>PAN</source>
      <translation>PAN</translation>
    </message>
    <message>
      <source>Model</source>
      <translation>型号</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>Customer status</source>
      <translation>客户状态</translation>
    </message>
    <message>
      <source>Customer type</source>
      <translation>客户类型</translation>
    </message>
    <message>
      <source>Tariff</source>
      <translation>电价</translation>
    </message>
    <message>
      <source>Contract</source>
      <translation>合同</translation>
    </message>
    <message>
      <source>Stock status</source>
      <translation>库存状态</translation>
    </message>
    <message>
      <source>Debt</source>
      <translation>欠款</translation>
    </message>
    <message>
      <source>Last purchase</source>
      <translation>上次购电</translation>
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
      <source>Meters</source>
      <translation>电表</translation>
    </message>
      <message>
        <source>A new store {store} was made at schema {revision}; the file that was there is kept as {aside}. A module that served the old store refuses to sell for this one until it is re-bound (starpos sm rebind) or the old store is restored.</source>
        <translation>已在架构 {revision} 新建数据库 {store}；原来的文件保留为 {aside}。服务于旧数据库的模块在重新绑定（starpos sm rebind）或恢复旧数据库之前，拒绝为本数据库售电。</translation>
    </message>
    <message>
        <source>A new store {store} was made at schema {revision}.</source>
        <translation>已在架构 {revision} 新建数据库 {store}。</translation>
    </message>
</context>
  <context>
    <name>permissions</name>
    <message>
      <source>Uncheck a checked bill</source>
      <translation>反审核已审核的单据</translation>
    </message>
    <message>
      <source>Take cash from the drawer to the safe</source>
      <translation>将现金从钱箱存入保险柜</translation>
    </message>
    <message>
      <source>Pay cash into or out of the drawer</source>
      <translation>向钱箱存入或支出现金</translation>
    </message>
    <message>
      <source>Open the cash drawer outside a sale</source>
      <translation>在非销售时打开钱箱</translation>
    </message>
    <message>
      <source>Approve a cash count difference</source>
      <translation>批准现金清点差额</translation>
    </message>
    <message>
      <source>Sell credit (vend)</source>
      <translation>售电</translation>
    </message>
    <message>
      <source>Reprint a voucher</source>
      <translation>补打凭条</translation>
    </message>
    <message>
      <source>Cancel a token</source>
      <translation>取消购电码</translation>
    </message>
    <message>
      <source>Refund a sale</source>
      <translation>退款</translation>
    </message>
    <message>
      <source>Close the shift and the day</source>
      <translation>交班与日结</translation>
    </message>
    <message>
      <source>Read reports</source>
      <translation>查看报表</translation>
    </message>
    <message>
      <source>Register and edit customers</source>
      <translation>登记和编辑客户</translation>
    </message>
    <message>
      <source>Stock meters in and out</source>
      <translation>电表出入库</translation>
    </message>
    <message>
      <source>Replace a meter</source>
      <translation>换表</translation>
    </message>
    <message>
      <source>Cancel a contract</source>
      <translation>销户</translation>
    </message>
    <message>
      <source>Edit base data and common data</source>
      <translation>编辑基础数据和公共数据</translation>
    </message>
    <message>
      <source>Edit operators and roles</source>
      <translation>编辑操作员和角色</translation>
    </message>
    <message>
      <source>Change tariffs and charges</source>
      <translation>修改电价和费用</translation>
    </message>
    <message>
      <source>Issue engineering tokens</source>
      <translation>生成工程码</translation>
    </message>
    <message>
      <source>Change meter keys</source>
      <translation>更换电表密钥</translation>
    </message>
    <message>
      <source>Issue free credit tokens</source>
      <translation>生成免费电量令牌</translation>
    </message>
    <message>
      <source>Issue test and display tokens</source>
      <translation>生成测试和显示令牌</translation>
    </message>
    <message>
      <source>Configure devices and the terminal</source>
      <translation>配置设备和终端</translation>
    </message>
      <message>
        <source>Change a meter between prepaid and postpaid</source>
        <translation>在预付费与后付费之间变更电表</translation>
    </message>
</context>
  <context>
    <name>status</name>
    <message>
      <source>Active</source>
      <translation>正常</translation>
    </message>
    <message>
      <source>Blacklisted</source>
      <translation>黑名单</translation>
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
      <source>At another branch</source>
      <translation>在其他分公司</translation>
    </message>
    <message>
      <source>Scrapped</source>
      <translation>已报废</translation>
    </message>
    <message>
      <source>No contract</source>
      <translation>无合同</translation>
    </message>
    <message>
      <source>Contract active</source>
      <translation>合同有效</translation>
    </message>
    <message>
      <source>Contract cancelled</source>
      <translation>合同已注销</translation>
    </message>
    <message>
      <source>Prepaid</source>
      <translation>预付费</translation>
    </message>
    <message>
      <source>Post-paid</source>
      <translation>后付费</translation>
    </message>
    <message>
      <source>Keypad</source>
      <translation>键盘</translation>
    </message>
    <message>
      <source>Smart card</source>
      <translation>IC 卡</translation>
    </message>
    <message>
      <source>Pending</source>
      <translation>待处理</translation>
    </message>
    <message>
      <source>Token issued</source>
      <translation>已生成购电码</translation>
    </message>
    <message>
      <source>Printed</source>
      <translation>已打印</translation>
    </message>
    <message>
      <source>Failed</source>
      <translation>失败</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>已取消</translation>
    </message>
  </context>
</TS>
