<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>errors</name>
    <message>
        <source>The secure module did not answer as expected.</source>
        <translation>安全模块没有按预期应答。</translation>
    </message>
    <message>
        <source>The secure module refused {command} with code {response_code}.</source>
        <translation>安全模块拒绝了 {command}，代码 {response_code}。</translation>
    </message>
    <message>
        <source>The secure module does not know the command {command} (code 51). Update its firmware.</source>
        <translation>安全模块不认识命令 {command}（代码 51）。请更新其固件。</translation>
    </message>
    <message>
        <source>The token does not belong to this meter or is damaged (code 50). Check the digits and the meter number.</source>
        <translation>该令牌不属于此电表或已损坏（代码 50）。请核对数字和表号。</translation>
    </message>
    <message>
        <source>The secure module could not make the token (code 49). Check the meter data.</source>
        <translation>安全模块无法生成购电码（代码 49）。请检查电表数据。</translation>
    </message>
    <message>
        <source>The secure module has no earlier answer to resend (code 48).</source>
        <translation>安全模块没有可重发的上一条应答（代码 48）。</translation>
    </message>
    <message>
        <source>The amount is above the credit limit of this vending key (code 47). Sell a smaller amount.</source>
        <translation>金额超过此售电密钥的信用上限（代码 47）。请售出较小的金额。</translation>
    </message>
    <message>
        <source>A token cannot carry exactly this amount (code 46); the nearest amount it can carry is {carried}.</source>
        <translation>购电码无法精确承载此金额（代码 46）；可承载的最接近金额为 {carried}。</translation>
    </message>
    <message>
        <source>The key in that register does not match the meter's SGC or KRN (code 45). Check the meter's key data.</source>
        <translation>该寄存器中的密钥与电表的 SGC 或 KRN 不符（代码 45）。请检查电表的密钥数据。</translation>
    </message>
    <message>
        <source>The file is not signed by the trusted key management centre (code 44). Do not use it; ask for a genuine file.</source>
        <translation>该文件不是由受信任的密钥管理中心签名的（代码 44）。请勿使用；请索取正版文件。</translation>
    </message>
    <message>
        <source>This key may only be used for key changes, not to vend credit (code 43). Use a vending key.</source>
        <translation>此密钥只能用于密钥变更，不能售电（代码 43）。请使用售电密钥。</translation>
    </message>
    <message>
        <source>The vending key is not active yet (code 42). Wait for its activation date or use the current key.</source>
        <translation>售电密钥尚未生效（代码 42）。请等待生效日期或使用当前密钥。</translation>
    </message>
    <message>
        <source>The vending key has expired (code 41). Load a new key file and change the meter's key.</source>
        <translation>售电密钥已过期（代码 41）。请加载新的密钥文件并更换电表密钥。</translation>
    </message>
    <message>
        <source>The secure module holds no key for this meter's key register, SGC and KRN (code 40). Load the right key file.</source>
        <translation>安全模块中没有该电表密钥寄存器、SGC 和 KRN 对应的密钥（代码 40）。请加载正确的密钥文件。</translation>
    </message>
    <message>
        <source>The credit update would take the module above 1,800,000 kWh (code 35). Use a smaller amount.</source>
        <translation>此次充值将使模块余额超过 1,800,000 kWh（代码 35）。请使用较小的金额。</translation>
    </message>
    <message>
        <source>The credit update block has the wrong sequence number (code 34): it was used already or is out of order. Ask for a block with the module's next sequence number.</source>
        <translation>充值数据块的序列号错误（代码 34）：已被使用或顺序不对。请索取带有模块下一个序列号的数据块。</translation>
    </message>
    <message>
        <source>The file is for another secure module (code 33). Use the file made for this module's id.</source>
        <translation>该文件属于另一个安全模块（代码 33）。请使用为本模块编号制作的文件。</translation>
    </message>
    <message>
        <source>The secure module has not enough credit for this (code 31). Credit the module (SM credit update) before vending again.</source>
        <translation>安全模块余额不足（代码 31）。请先给模块充值再售电。</translation>
    </message>
    <message>
        <source>The secure module kept receiving damaged requests (code 20). Check the cable.</source>
        <translation>安全模块持续收到损坏的请求（代码 20）。请检查连接线。</translation>
    </message>
    <message>
        <source>The secure module timed out on {command} (code 03). Try again.</source>
        <translation>安全模块处理 {command} 超时（代码 03）。请重试。</translation>
    </message>
    <message>
        <source>The secure module could not read the request {command} (code 02). Check the values and try again.</source>
        <translation>安全模块无法读取请求 {command}（代码 02）。请检查数值后重试。</translation>
    </message>
    <message>
        <source>The secure module reports an internal failure (code 01). Restart it; if it persists, replace it.</source>
        <translation>安全模块报告内部故障（代码 01）。请重启；如仍存在，请更换。</translation>
    </message>
    <message>
        <source>The development KMC could not do this: {reason}.</source>
        <translation>开发用 KMC 无法完成此操作：{reason}。</translation>
    </message>
    <message>
        <source>This command needs the option {option}.</source>
        <translation>此命令需要选项 {option}。</translation>
    </message>
    <message>
        <source>The amount {amount} is not a number of units with at most one decimal.</source>
        <translation>金额 {amount} 不是最多一位小数的数量。</translation>
    </message>
    <message>
        <source>The request to the secure module is not valid: {reason}. Correct it and try again.</source>
        <translation>发给安全模块的请求无效：{reason}。请更正后重试。</translation>
    </message>
    <message>
        <source>The secure module emulator could not start: {reason}.</source>
        <translation>安全模块模拟器无法启动：{reason}。</translation>
    </message>
    <message>
        <source>The credit update file {path} cannot be used: {reason}. Ask the utility for a new one.</source>
        <translation>充值文件 {path} 无法使用：{reason}。请向供电公司索取新文件。</translation>
    </message>
    <message>
        <source>The key file {path} cannot be used: {reason}. Ask the key management centre for a new one.</source>
        <translation>密钥文件 {path} 无法使用：{reason}。请向密钥管理中心索取新文件。</translation>
    </message>
    <message>
        <source>The secure module sent an answer StarPOS cannot read ({reason}). Check that the port is really a secure module and that the baud rate is right.</source>
        <translation>安全模块发送了 StarPOS 无法读取的应答（{reason}）。请确认该端口确实连接的是安全模块，且波特率正确。</translation>
    </message>
    <message>
        <source>The secure module did not answer {command} after {tries} tries. Check that it is connected and powered, then try again.</source>
        <translation>安全模块在 {tries} 次尝试后仍未应答 {command}。请检查其连接和电源后重试。</translation>
    </message>
    <message>
        <source>The connection to the secure module at {url} was lost ({native}). Reconnect it; the last answer can be recovered once it is back.</source>
        <translation>与 {url} 上安全模块的连接已断开（{native}）。请重新连接；恢复后可取回最后一条应答。</translation>
    </message>
    <message>
        <source>The secure module at {url} cannot be opened ({native}). Check the cable and the port setting, then try again.</source>
        <translation>无法打开 {url} 上的安全模块（{native}）。请检查连接线和端口设置后重试。</translation>
    </message>
    <message>
        <source>The module credential file {path} cannot be used: {reason}. Restore it from the installation's backup, or pair the module again.</source>
        <translation>模块凭据文件 {path} 无法使用：{reason}。请从安装的备份中恢复它，或重新配对模块。</translation>
    </message>
    <message>
        <source>The device at {url} could not prove that it is the secure module paired with this terminal. Check that the port setting names your module.</source>
        <translation>{url} 上的设备无法证明它是与本终端配对的安全模块。请检查端口设置是否指向您的模块。</translation>
    </message>
    <message>
        <source>The secure module acts only for a terminal signed in with its module credential (code 52), and {command} was sent without one. Use StarPOS on the terminal the module is paired with.</source>
        <translation>安全模块只为使用其模块凭据登录的终端执行操作（代码 52），而 {command} 是在未登录的情况下发送的。请在与该模块配对的终端上使用 StarPOS。</translation>
    </message>
    <message>
        <source>The secure module does not accept this terminal's module credential (code 53). It is paired with another installation, or the credential file was replaced: restore the credential file from the backup, or pair the module again.</source>
        <translation>安全模块不接受本终端的模块凭据（代码 53）。它已与另一个安装配对，或凭据文件已被替换：请从备份中恢复凭据文件，或重新配对模块。</translation>
    </message>
    <message>
        <source>The secure module has no record of that (code 54): it was not made, or before the module kept records.</source>
        <translation>安全模块没有这项记录（代码 54）：它没有发生过，或发生在模块开始记录之前。</translation>
    </message>
    <message>
        <source>The store's audit trail disagrees with the one the secure module anchored (code 55: the module holds entry {anchored_count}). The store was restored from an older copy or edited. Restore the latest backup, or bind the module again with a recorded reconciliation.</source>
        <translation>商店的审计记录与安全模块锚定的不一致（代码 55：模块持有第 {anchored_count} 条）。商店已从较旧的副本恢复或被修改。请恢复最新的备份，或通过有记录的对账重新绑定模块。</translation>
    </message>
    <message>
        <source>The secure module could not save the change, so it did not make it (code 56). Its storage is full or failing: free space on the module's disk, then try again.</source>
        <translation>安全模块无法保存此更改，因此没有执行（代码 56）。其存储已满或出现故障：请释放模块磁盘上的空间，然后重试。</translation>
    </message>
    <message>
        <source>The secure module {module} is a production module. Commands that make credit outside a sale run only against an emulator in training mode; sell through StarPOS instead.</source>
        <translation>安全模块 {module} 是生产模块。在销售之外产生电量的命令只能在培训模式的模拟器上运行；请改用 StarPOS 销售。</translation>
    </message>
</context>
<context>
    <name>sm</name>
    <message>
      <source>old: KRN {krn} is current</source>
      <translation>旧：当前为 KRN {krn}</translation>
    </message>
    <message>
        <source>Module id</source>
        <translation>模块编号</translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation>固件</translation>
    </message>
    <message>
        <source>Key check value</source>
        <translation>密钥校验值</translation>
    </message>
    <message>
        <source>Keys loaded</source>
        <translation>已加载密钥</translation>
    </message>
    <message>
        <source>Identity key</source>
        <translation>身份密钥</translation>
    </message>
    <message>
        <source>Credit update sequence</source>
        <translation>充值序列号</translation>
    </message>
    <message>
        <source>Next credit update sequence</source>
        <translation>下一个充值序列号</translation>
    </message>
    <message>
        <source>Balance (kWh)</source>
        <translation>余额（kWh）</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Response code</source>
        <translation>应答代码</translation>
    </message>
    <message>
        <source>Request digest</source>
        <translation>请求摘要</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>Token class</source>
        <translation>令牌类别</translation>
    </message>
    <message>
        <source>Token subclass</source>
        <translation>令牌子类</translation>
    </message>
    <message>
        <source>TID</source>
        <translation>TID</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Tokens issued</source>
        <translation>已生成令牌</translation>
    </message>
    <message>
        <source>Baud rate</source>
        <translation>波特率</translation>
    </message>
    <message>
        <source>Round trip p50 (ms)</source>
        <translation>往返 p50（毫秒）</translation>
    </message>
    <message>
        <source>Round trip p95 (ms)</source>
        <translation>往返 p95（毫秒）</translation>
    </message>
    <message>
        <source>Round trip max (ms)</source>
        <translation>往返最大值（毫秒）</translation>
    </message>
    <message>
        <source>Tokens per second</source>
        <translation>每秒令牌数</translation>
    </message>
    <message>
        <source>Status query p50 (ms)</source>
        <translation>状态查询 p50（毫秒）</translation>
    </message>
    <message>
      <source>The module holds no keys: load the KMF file from the utility.</source>
      <translation>模块中没有密钥：请加载电力公司提供的 KMF 文件。</translation>
    </message>
    <message>
      <source>Key in register {register} (SGC {sgc}, KRN {krn}) expires on {day}: {days} day(s) left.</source>
      <translation>寄存器 {register} 中的密钥（SGC {sgc}，KRN {krn}）将于 {day} 到期：还剩 {days} 天。</translation>
    </message>
    <message>
      <source>Key in register {register} (SGC {sgc}, KRN {krn}) expired on {day}: load its new KMF.</source>
      <translation>寄存器 {register} 中的密钥（SGC {sgc}，KRN {krn}）已于 {day} 到期：请加载新的 KMF。</translation>
    </message>
    <message>
      <source>Reg  SGC     KRN  KT  KEN  Base  Algorithm      Activation  Issued until  Expires</source>
      <translation>寄存器  SGC     KRN  KT  KEN  基准  算法           启用日期    签发截止      到期</translation>
    </message>
    <message>
      <source>The date {value} is not a date such as 2026-12-31.</source>
      <translation>{value} 不是形如 2026-12-31 的日期。</translation>
    </message>
    <message>
      <source>Balance before (kWh)</source>
      <translation>之前余额（kWh）</translation>
    </message>
    <message>
      <source>Operation</source>
      <translation>操作</translation>
    </message>
    <message>
      <source>Key registers</source>
      <translation>密钥寄存器</translation>
    </message>
      <message>
        <source>Amount (kWh)</source>
        <translation>数量（kWh）</translation>
    </message>
    <message>
        <source>Block digest</source>
        <translation>数据块摘要</translation>
    </message>
    <message>
        <source>Reconciled over the module's life: {verdict}.</source>
        <translation>已按模块整个生命周期对账：{verdict}。</translation>
    </message>
    <message>
        <source>the books agree</source>
        <translation>账簿一致</translation>
    </message>
    <message>
        <source>{count} finding(s), see starpos vend reconcile</source>
        <translation>{count} 项发现，见 starpos vend reconcile</translation>
    </message>
    <message>
        <source>Module {module} now serves this store (binding {number}; it served {previous}). Accepted and recorded: {kwh} kWh in {tokens} token(s) this store does not hold.</source>
        <translation>模块 {module} 现在服务于本数据库（绑定 {number}；之前服务于 {previous}）。已接受并记录：本数据库中没有的 {tokens} 个令牌，共 {kwh} kWh。</translation>
    </message>
    <message>
      <source>TRAINING</source>
      <translation>培训</translation>
    </message>
    <message>
      <source>Training module</source>
      <translation>培训模块</translation>
    </message>
  </context>
</TS>
