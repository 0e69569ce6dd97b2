<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>errors</name>
    <message>
      <source>Module {module} has no credit block waiting for its counter, so there is nothing to withdraw (starpos server credit-blocks --all lists every block and what became of it).</source>
      <translation>模块 {module} 没有等待其柜台的信用块，因此没有可撤回的内容（starpos server credit-blocks --all 列出每个块及其结果）。</translation>
    </message>
    <message>
      <source>No terminal has reported module {module} to the head office yet, so its next credit update sequence is unknown. Sync the counter that uses it (after one sale or credit there), then issue the block.</source>
      <translation>尚无终端向总部报告过模块 {module}，因此不知道其下一个信用更新序号。请先同步使用该模块的柜台（在该柜台完成一次售电或充值后），再签发信用块。</translation>
    </message>
    <message>
      <source>Module {module} already has a credit block waiting for its counter (sequence {sequence}, issued {issued}). Sync terminal {terminal} first: the module takes one block at a time.</source>
      <translation>模块 {module} 已有一个信用块在等待其柜台（序号 {sequence}，签发于 {issued}）。请先同步终端 {terminal}：模块一次只接受一个信用块。</translation>
    </message>
    <message>
      <source>The credit block {block} from the head office (module {module}) was not applied: {reason} The rest of the sync went through; the head office sees the outcome at the next push.</source>
      <translation>来自总部的信用块 {block}（模块 {module}）未被应用：{reason} 同步的其余部分已完成；总部将在下次上传时看到结果。</translation>
    </message>
    <message>
      <source>The counter could not sync with the head office.</source>
      <translation>柜台无法与总部同步。</translation>
    </message>
    <message>
      <source>This counter is not enrolled with a head office. Ask the head office for an enrolment code, then run: starpos sync enrol --server URL --code CODE</source>
      <translation>此柜台尚未在总部注册。请向总部索取注册码，然后运行：starpos sync enrol --server URL --code CODE</translation>
    </message>
    <message>
      <source>This counter is already enrolled with {server} as terminal {terminal}. A counter belongs to one head office; use another data folder for another one.</source>
      <translation>此柜台已在 {server} 注册为终端 {terminal}。一个柜台只属于一个总部；如需另一个总部，请使用另一个数据文件夹。</translation>
    </message>
    <message>
      <source>The head office server at {server} cannot be reached ({reason}). Selling goes on; what was recorded is sent when the server answers again.</source>
      <translation>无法连接总部服务器 {server}（{reason}）。销售照常进行；已记录的内容将在服务器恢复响应后发送。</translation>
    </message>
    <message>
      <source>The head office refused the enrolment code: it is unknown, already used or expired. Ask the head office for a new code (starpos server enrol --terminal CODE).</source>
      <translation>总部拒绝了此注册码：注册码未知、已使用或已过期。请向总部索取新的注册码（starpos server enrol --terminal CODE）。</translation>
    </message>
    <message>
      <source>The head office has revoked this terminal's key, so it takes nothing more from this counter. Ask the head office why; to enrol again it must give a new code.</source>
      <translation>总部已吊销此终端的密钥，不再接收此柜台的任何数据。请向总部询问原因；如需重新注册，总部须提供新的注册码。</translation>
    </message>
    <message>
      <source>The head office refused this counter's signed request ({reason}). Check that the counter is the one that was enrolled and that its clock is right.</source>
      <translation>总部拒绝了此柜台的签名请求（{reason}）。请确认这是已注册的柜台，且其时钟准确。</translation>
    </message>
    <message>
      <source>The head office refused event {seq} of this counter ({reason}); nothing after it is sent. The head office lists the problem with: starpos server findings</source>
      <translation>总部拒绝了此柜台的事件 {seq}（{reason}）；其后的事件均不发送。总部可用以下命令查看问题：starpos server findings</translation>
    </message>
    <message>
      <source>The head office could not take the events now ({reason}). They stay queued on this counter and are sent again at the next push.</source>
      <translation>总部暂时无法接收事件（{reason}）。这些事件仍在此柜台排队，下次推送时将重新发送。</translation>
    </message>
    <message>
      <source>The head office answered something this counter does not understand ({detail}). Check that the server URL is a StarPOS head office of the same version.</source>
      <translation>总部的应答此柜台无法理解（{detail}）。请确认服务器 URL 指向同一版本的 StarPOS 总部。</translation>
    </message>
    <message>
      <source>The counter's signing key {path} cannot be read ({reason}). Restore it from the data folder's backup, or have the head office enrol this counter again.</source>
      <translation>无法读取柜台的签名密钥 {path}（{reason}）。请从数据文件夹的备份中恢复，或请总部重新注册此柜台。</translation>
    </message>
    <message>
      <source>The head office server could not do this.</source>
      <translation>总部服务器无法完成此操作。</translation>
    </message>
    <message>
      <source>The head office server runs on a PostgreSQL store, and this data folder's database is {backend}. Point the setting database.url at the head office's PostgreSQL (postgresql+psycopg://user@host/database).</source>
      <translation>总部服务器需要 PostgreSQL 数据库，而此数据文件夹的数据库是 {backend}。请将设置 database.url 指向总部的 PostgreSQL（postgresql+psycopg://用户@主机/数据库）。</translation>
    </message>
    <message>
      <source>There is no terminal {terminal} in the head office's store. Add the terminal to its sales point first, then make its enrolment code.</source>
      <translation>总部数据库中没有终端 {terminal}。请先将该终端添加到其销售点，再生成注册码。</translation>
    </message>
    <message>
      <source>Terminal {terminal} has no enrolled key that is still valid; nothing was revoked.</source>
      <translation>终端 {terminal} 没有仍然有效的已注册密钥；未吊销任何密钥。</translation>
    </message>
    <message>
      <source>The server cannot listen on {host}:{port} ({reason}). Choose another port with --port, or stop the program that holds it.</source>
      <translation>服务器无法在 {host}:{port} 上监听（{reason}）。请用 --port 选择其他端口，或停止占用该端口的程序。</translation>
    </message>
    <message>
      <source>The head office sent {table} {key}, which names {missing}: this counter does not have it, so nothing was applied. Run a full pull: starpos sync pull --full</source>
      <translation>总部发送的 {table} {key} 引用了 {missing}：本柜台没有该数据，因此未应用任何内容。请执行完整拉取：starpos sync pull --full</translation>
    </message>
    <message>
      <source>This counter belongs to the head office at {server}, which owns the master data ({what} here): make the change in the head office's back office; it reaches this counter at the next sync.</source>
      <translation>本柜台隶属于总部 {server}，基础数据（此处为 {what}）归总部所有：请在总部后台修改；修改将在下次同步时到达本柜台。</translation>
    </message>
    <message>
      <source>This counter has not reached the head office for {hours} hours (terminal {terminal} may sell offline for {limit} hours), so it stops selling. Connect it to the network and sync (starpos sync run), or ask the head office to raise the terminal's offline limit.</source>
      <translation>本柜台已有 {hours} 小时未连上总部（终端 {terminal} 最多可离线销售 {limit} 小时），因此停止销售。请将其连接网络并同步（starpos sync run），或请总部提高该终端的离线限额。</translation>
    </message>
    <message>
      <source>This counter has sold {unsent} that the head office has not received; this sale of {amount} would pass terminal {terminal}'s offline limit of {limit}, so it stops selling. Connect it to the network and sync (starpos sync run) to send its sales, or ask the head office to raise the terminal's offline limit.</source>
      <translation>本柜台已售出 {unsent}，总部尚未收到；本次 {amount} 的销售将超过终端 {terminal} 的离线限额 {limit}，因此停止销售。请将其连接网络并同步（starpos sync run）以发送销售记录，或请总部提高该终端的离线限额。</translation>
    </message>
    <message>
      <source>There is no finding {finding} at the head office (starpos server findings --all lists every finding with its number).</source>
      <translation>总部没有编号为 {finding} 的异常（starpos server findings --all 列出所有异常及其编号）。</translation>
    </message>
    <message>
      <source>Finding {finding} was already resolved on {resolved_at}; nothing was changed.</source>
      <translation>异常 {finding} 已于 {resolved_at} 处理完毕；未做任何更改。</translation>
    </message>
    <message>
      <source>Say what was done about finding {finding} with --note (it is kept in the audit log); nothing was changed.</source>
      <translation>请用 --note 说明对异常 {finding} 做了什么（会记入审计日志）；未做任何更改。</translation>
    </message>
  </context>
  <context>
    <name>sync</name>
    <message>
      <source>Credit block for module {module_id} withdrawn: {operation} {amount_kwh} kWh, update sequence {sequence}. It is no longer sent to terminal {terminal}.</source>
      <translation>模块 {module_id} 的信用块已撤回：{operation} {amount_kwh} kWh，更新序号 {sequence}。它不再发送给终端 {terminal}。</translation>
    </message>
    <message>
      <source>No credit block is waiting.</source>
      <translation>没有等待中的信用块。</translation>
    </message>
    <message>
      <source>waiting</source>
      <translation>等待中</translation>
    </message>
    <message>
      <source>applied</source>
      <translation>已应用</translation>
    </message>
    <message>
      <source>refused</source>
      <translation>已拒绝</translation>
    </message>
    <message>
      <source>superseded</source>
      <translation>已被取代</translation>
    </message>
    <message>
      <source>withdrawn</source>
      <translation>已撤回</translation>
    </message>
    <message>
        <source>The module's books agree with the store.</source>
        <translation>安全模块的账目与数据库一致。</translation>
    </message>
    <message>
        <source>The module's books do NOT agree with the store ({count} finding(s)): starpos vend reconcile names them; the head office has been told.</source>
        <translation>安全模块的账目与数据库不一致（{count} 项发现）：starpos vend reconcile 会列出它们；已通知总部。</translation>
    </message>
    <message>
      <source>Credit block for module {module_id} issued: {operation} {amount_kwh} kWh, update sequence {sequence}. It reaches terminal {terminal} at its next sync.</source>
      <translation>已为模块 {module_id} 签发信用块：{operation} {amount_kwh} kWh，更新序号 {sequence}。终端 {terminal} 将在下次同步时收到。</translation>
    </message>
    <message>
      <source>Credit block from the head office ({operator}) applied to module {module_id}: {operation} {amount_kwh} kWh, balance {balance_kwh} kWh (sequence {sequence}).</source>
      <translation>来自总部（{operator}）的信用块已应用到模块 {module_id}：{operation} {amount_kwh} kWh，余额 {balance_kwh} kWh（序号 {sequence}）。</translation>
    </message>
    <message>
      <source>Enrolment code for terminal {terminal} ({sales_point}): {code}
It works once, until {expires} (UTC). On the counter run: starpos sync enrol --server URL --code {code}</source>
      <translation>终端 {terminal}（{sales_point}）的注册码：{code}
仅可使用一次，有效期至 {expires}（UTC）。请在柜台运行：starpos sync enrol --server URL --code {code}</translation>
    </message>
    <message>
      <source>Terminal {terminal}: {count} key(s) revoked.</source>
      <translation>终端 {terminal}：已吊销 {count} 个密钥。</translation>
    </message>
    <message>
      <source>No open findings.</source>
      <translation>没有未处理的异常。</translation>
    </message>
    <message>
      <source>No terminal is enrolled yet.</source>
      <translation>尚无已注册的终端。</translation>
    </message>
    <message>
      <source>Terminal</source>
      <translation>终端</translation>
    </message>
    <message>
      <source>Sales point</source>
      <translation>销售点</translation>
    </message>
    <message>
      <source>Events applied</source>
      <translation>已应用事件</translation>
    </message>
    <message>
      <source>Last seen</source>
      <translation>最后联系</translation>
    </message>
    <message>
      <source>Revoked</source>
      <translation>已吊销</translation>
    </message>
    <message>
      <source>Sales</source>
      <translation>销售笔数</translation>
    </message>
    <message>
      <source>Net amount</source>
      <translation>净额</translation>
    </message>
    <message>
      <source>Energy (kWh)</source>
      <translation>电量（kWh）</translation>
    </message>
    <message>
      <source>Open findings</source>
      <translation>未处理异常</translation>
    </message>
    <message>
      <source>Enrolled with {server} as terminal {terminal} of sales point {sales_point}.</source>
      <translation>已在 {server} 注册为销售点 {sales_point} 的终端 {terminal}。</translation>
    </message>
    <message>
      <source>{applied} event(s) applied, {duplicates} already there; acknowledged up to {acknowledged}, {waiting} waiting.</source>
      <translation>已应用 {applied} 个事件，{duplicates} 个已存在；已确认至 {acknowledged}，{waiting} 个待发送。</translation>
    </message>
    <message>
      <source>Enrolled</source>
      <translation>已注册</translation>
    </message>
    <message>
      <source>Head office</source>
      <translation>总部</translation>
    </message>
    <message>
      <source>Acknowledged up to</source>
      <translation>已确认至</translation>
    </message>
    <message>
      <source>Events waiting</source>
      <translation>待发送事件</translation>
    </message>
    <message>
      <source>Last sync</source>
      <translation>上次同步</translation>
    </message>
    <message>
      <source>Last problem</source>
      <translation>上次问题</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>是</translation>
    </message>
    <message>
      <source>no</source>
      <translation>否</translation>
    </message>
    <message>
      <source>{kind}: {rows} row(s) of master data applied, {deleted} deleted; position {cursor}.</source>
      <translation>{kind}：已应用 {rows} 行基础数据，删除 {deleted} 行；位置 {cursor}。</translation>
    </message>
    <message>
      <source>Deleted at the head office but still used by this counter's records, so kept: {rows}</source>
      <translation>总部已删除但本柜台的记录仍在使用，因此保留：{rows}</translation>
    </message>
    <message>
      <source>Ended here because the head office kept another one (its findings say why; meter and issue number for a card): {rows}</source>
      <translation>因总部保留了另一条记录，本柜台的这一条已终止（原因见总部的发现；卡片为电表号和发行号）：{rows}</translation>
    </message>
    <message>
      <source>Full snapshot</source>
      <translation>完整快照</translation>
    </message>
    <message>
      <source>Changes</source>
      <translation>变更</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>online</source>
      <translation>在线</translation>
    </message>
    <message>
      <source>offline since {time}</source>
      <translation>自 {time} 起离线</translation>
    </message>
    <message>
      <source>Master data position</source>
      <translation>基础数据位置</translation>
    </message>
    <message>
      <source>Two counters issued a card to this meter while apart: the card named here is not booked, and the card the head office had first stays the meter's card. Take the other card back and blank it.</source>
      <translation>两个柜台在离线时都为此电表发了卡：此处所列的卡未入账，总部先收到的那张卡仍是该电表的卡。请收回另一张卡并将其擦除。</translation>
    </message>
    <message>
      <source>Two sales put the same credit sequence on this meter's card (two counters sold to the card while apart, or to a restored copy of it): the meter loads only one of them. Both sales stand; refund or sell again the one the meter did not load.</source>
      <translation>两笔销售在此电表的卡上写入了相同的充值序号（两个柜台离线时都向该卡售电，或向其恢复的副本售电）：电表只会装载其中一笔。两笔销售均成立；请退款或重新出售电表未装载的那一笔。</translation>
    </message>
    <message>
      <source>Two sales returned the same credit owed to this meter (two counters sold to it while apart): the customer got it back twice. Both sales stand; recover the amount from the customer or write it off.</source>
      <translation>两笔销售退还了欠该电表的同一笔款项（两个柜台在断开连接时都向其售电）：客户收到了两次。两笔销售均保留；请向客户追回该金额或予以核销。</translation>
    </message>
    <message>
      <source>Two counters gave this meter the same TID while apart: the meter takes the token entered first and refuses the other as used. The counter that sold the bill named here (not the other) replaces its token after its next sync: same energy, new TID, no money.</source>
      <translation>两个柜台在离线时给此电表分配了相同的 TID：电表接受先输入的令牌，并将另一个视为已使用而拒绝。售出此处所列单据（而非另一张）的柜台在下次同步后替换其令牌：电量相同、TID 新、不收费。</translation>
    </message>
    <message>
      <source>A sale's collided token was replaced twice, or by a counter that did not sell it: both replacement tokens stand, the first is the one kept. Recover the energy of the other from the customer.</source>
      <translation>某笔销售的冲突令牌被替换了两次，或由未售出它的柜台替换：两个替换令牌均成立，保留的是第一个。请向客户追回另一个的电量。</translation>
    </message>
    <message>
      <source>Two counters sold this meter's key change while apart. The meter takes the pair of key change tokens entered first and refuses the other pair; both credit tokens are made for the new key, so the customer loses nothing. Both sales stand: tell the customer to enter one pair, then both credit tokens.</source>
      <translation>两个柜台在离线时都售出了此电表的密钥更换：电表接受先输入的那一对换密码，拒绝另一对；两个购电码都是按新密钥生成的，客户没有损失。两笔销售均保留：请客户先输入其中一对换密码，再输入两个购电码。</translation>
    </message>
    <message>
      <source>Finding {id} ({kind}) resolved; it is no longer open.</source>
      <translation>异常 {id}（{kind}）已处理；不再列为未处理。</translation>
    </message>
    <message>
      <source>The head office's books agree: {terminals} terminal keys, {events} events, {modules} modules and {tokens} tokens checked.</source>
      <translation>总部账目一致：已核对 {terminals} 个终端密钥、{events} 个事件、{modules} 个模块和 {tokens} 个电码。</translation>
    </message>
    <message>
      <source>The head office's books do NOT agree: {count} findings ({terminals} terminal keys, {events} events, {modules} modules and {tokens} tokens checked).</source>
      <translation>总部账目不一致：{count} 个异常（已核对 {terminals} 个终端密钥、{events} 个事件、{modules} 个模块和 {tokens} 个电码）。</translation>
    </message>
    <message>
      <source>The counter reconciled its secure module after a sync and the module's figures do not agree with the counter's books: the module gave out energy, or made tokens, that no sale or token operation records (ghost vending), or a credit update is missing. Run starpos server check, then starpos audit verify at the counter; take the module out of service until it is explained.</source>
      <translation>柜台在同步后对其安全模块做了对账，模块的数字与柜台账目不一致：模块发出了没有任何销售或电码操作记录的电量或电码（幽灵售电），或缺少一次额度更新。请运行 starpos server check，再在柜台运行 starpos audit verify；在查明之前停用该模块。</translation>
    </message>
  </context>
</TS>
