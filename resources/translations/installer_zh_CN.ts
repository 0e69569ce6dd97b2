<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>backup</name>
    <message>
      <source>installer settings</source>
      <translation>安装设置</translation>
    </message>
    <message>
      <source>Backup</source>
      <translation>备份</translation>
    </message>
    <message>
      <source>The backup is written and checked: {folder}</source>
      <translation>备份已写入并检查：{folder}</translation>
    </message>
    <message>
      <source>Back up now</source>
      <translation>立即备份</translation>
    </message>
  </context>
  <context>
    <name>cli</name>
    <message>
      <source>Backup written to {folder}: {size} MB, {vends} vends, audit log intact ({entries} entries), in {seconds} s.</source>
      <translation>备份已写入 {folder}：{size} MB，{vends} 笔售电，审计日志完整（{entries} 条），用时 {seconds} 秒。</translation>
    </message>
    <message>
      <source>Removed {count} backup(s) older than {days} days.</source>
      <translation>已删除 {count} 个超过 {days} 天的备份。</translation>
    </message>
    <message>
      <source>No backup due: the last one was made at {last}; the next is due at {next}.</source>
      <translation>暂无需备份：上次备份于 {last}；下次备份时间为 {next}。</translation>
    </message>
    <message>
      <source>The daily backup is off (backup.daily_at is off).</source>
      <translation>每日备份已关闭（backup.daily_at 为 off）。</translation>
    </message>
    <message>
      <source>Vends in progress when it was made (recovery settles them after a restore): {bills}</source>
      <translation>备份时正在进行的售电（还原后由恢复流程处理）：{bills}</translation>
    </message>
    <message>
      <source>The backup {folder} is complete and checked ({vends} vends).</source>
      <translation>备份 {folder} 完整且已检查（{vends} 笔售电）。</translation>
    </message>
    <message>
      <source>Restored {folder} (made at {made_at}).</source>
      <translation>已还原 {folder}（备份于 {made_at}）。</translation>
    </message>
    <message>
      <source>The store you had is kept as {aside}.</source>
      <translation>原有数据库保存为 {aside}。</translation>
    </message>
    <message>
      <source>The module emulator's state was missing: the backup's was put back.</source>
      <translation>模块模拟器状态缺失：已放回备份中的状态。</translation>
    </message>
    <message>
      <source>The module credential was missing: the backup's was put back.</source>
      <translation>模块凭据缺失：已放回备份中的凭据。</translation>
    </message>
    <message>
      <source>The settings file was missing: the backup's was put back.</source>
      <translation>设置文件缺失：已放回备份中的设置文件。</translation>
    </message>
    <message>
      <source>The settings file was replaced by the backup's (the old one is kept aside).</source>
      <translation>设置文件已被备份中的替换（旧文件另行保存）。</translation>
    </message>
    <message>
      <source>The settings file was kept (--settings replaces it with the backup's).</source>
      <translation>保留了现有设置文件（--settings 可用备份中的替换）。</translation>
    </message>
    <message>
      <source>Module {module}: {settled} vend(s) in progress in the backup settled from the replaced store, {recovered} recovered from the module, {failed} failed.</source>
      <translation>模块 {module}：备份中进行中的售电有 {settled} 笔根据被替换的数据库处理，{recovered} 笔从模块恢复，{failed} 笔失败。</translation>
    </message>
    <message>
      <source>The module's balance ({balance} kWh) agrees with the restored store.</source>
      <translation>模块余额（{balance} kWh）与还原后的数据库一致。</translation>
    </message>
    <message>
      <source>The module made {kwh} kWh of tokens that the restored store does not have; these vends made them (they are in the replaced store, not in the restored one):</source>
      <translation>模块生成了 {kwh} kWh 的令牌，而还原后的数据库中没有；它们来自以下售电（在被替换的数据库中，不在还原后的数据库中）：</translation>
    </message>
    <message>
      <source>In progress in the backup, outcome unknown (failed; the module may have made its token):</source>
      <translation>备份中进行中、结果未知（已标记失败；模块可能已生成其令牌）：</translation>
    </message>
    <message>
      <source>Every kWh the module made beyond the restored store is named above.</source>
      <translation>模块在还原后的数据库之外生成的每一度电都已在上面列出。</translation>
    </message>
    <message>
      <source>The module's balance differs from the restored store by {unaccounted} kWh, of which the vends above account for {named} kWh: compare the module's history with the replaced store.</source>
      <translation>模块余额与还原后的数据库相差 {unaccounted} kWh，上面列出的售电占 {named} kWh：请将模块历史与被替换的数据库比较。</translation>
    </message>
    <message>
      <source>The module's credit was updated since the last vend in the restored store: its balance cannot be compared; the vends above are what the restored store lacks.</source>
      <translation>自还原后数据库中的最后一笔售电以来，模块的额度已更新：无法比较其余额；上面列出的售电即还原后数据库所缺少的。</translation>
    </message>
    <message>
      <source>The replaced store could not be read ({problem}): the missing vends cannot be named.</source>
      <translation>无法读取被替换的数据库（{problem}）：无法列出缺少的售电。</translation>
    </message>
    <message>
      <source>By its own counters the module made {tokens} credit token(s), {kwh} kWh, that the restored store does not hold (the last TID it made: {tid}).</source>
      <translation>根据模块自身的计数器，它生成了 {tokens} 个充值令牌、{kwh} kWh，而还原后的数据库中没有（其最后生成的 TID：{tid}）。</translation>
    </message>
    <message>
      <source>Bill numbers continue after the replaced store's ({count} counter(s) raised).</source>
      <translation>单据编号接续被替换数据库的编号（已调高 {count} 个计数器）。</translation>
    </message>
  </context>
  <context>
    <name>errors</name>
    <message>
      <source>The setting {key} cannot be {value}: {reason}.</source>
      <translation>设置 {key} 不能为 {value}：{reason}。</translation>
    </message>
    <message>
      <source>The settings file {path} has a bad value for {key}. {problem} Set a good one with: starpos settings set {key} VALUE (or go back to the default with: starpos settings reset {key}).</source>
      <translation>设置文件 {path} 中 {key} 的值有误。{problem} 请用 starpos settings set {key} 值 设置正确的值（或用 starpos settings reset {key} 恢复默认值）。</translation>
    </message>
    <message>
      <source>The settings file {path} cannot be read: {reason}. Correct it in a text editor, or move it away to start again from the default settings.</source>
      <translation>无法读取设置文件 {path}：{reason}。请用文本编辑器修正，或将其移走以从默认设置重新开始。</translation>
    </message>
    <message>
      <source>the value is not valid</source>
      <translation>该值无效</translation>
    </message>
    <message>
      <source>The store {path} is in use by another StarPOS program (the app, a vend or another command). Close the app and wait for running commands to finish, then try again.</source>
      <translation>数据库 {path} 正被另一个 StarPOS 程序使用（应用程序、售电或其他命令）。请关闭应用程序并等待正在运行的命令结束，然后重试。</translation>
    </message>
    <message>
      <source>The backup could not be made.</source>
      <translation>无法完成备份。</translation>
    </message>
    <message>
      <source>This store is on PostgreSQL: back it up and restore it with pg_dump and pg_restore or the server's point-in-time recovery (docs/store.md, Backups); starpos db backup and restore are for SQLite stores.</source>
      <translation>此数据库位于 PostgreSQL：请使用 pg_dump 和 pg_restore 或服务器的时间点恢复进行备份和还原（docs/store.md，Backups）；starpos db backup 和 restore 仅用于 SQLite 数据库。</translation>
    </message>
    <message>
      <source>There is no store at {path} to back up yet: starpos db init makes it.</source>
      <translation>{path} 还没有可备份的数据库：starpos db init 会创建它。</translation>
    </message>
    <message>
      <source>The backup could not be written to {folder}: {reason}. Check the free space and the backup.folder setting.</source>
      <translation>无法将备份写入 {folder}：{reason}。请检查剩余空间和 backup.folder 设置。</translation>
    </message>
    <message>
      <source>The backup written to {folder} did not pass its check ({reason}); it was removed. The store itself may be damaged: run starpos audit verify.</source>
      <translation>写入 {folder} 的备份未通过检查（{reason}），已被删除。数据库本身可能已损坏：请运行 starpos audit verify。</translation>
    </message>
    <message>
      <source>The backup {folder} cannot be restored: {reason}. Nothing was changed.</source>
      <translation>无法还原备份 {folder}：{reason}。未做任何更改。</translation>
    </message>
    <message>
      <source>The restore stopped half-way: {reason}. The store you had is kept as {aside}; put it back by renaming it to {store}.</source>
      <translation>还原中途停止：{reason}。原有数据库保存为 {aside}；将其重命名为 {store} 即可恢复。</translation>
    </message>
    <message>
      <source>the backup is not usable</source>
      <translation>该备份不可用</translation>
    </message>
    <message>
      <source>The backup was restored (the store you had is kept as {aside}), but the module could not be reconciled with it: {reason}. Connect the module, then run starpos vend reconcile and compare with the replaced store.</source>
      <translation>备份已还原（原有数据库保存为 {aside}），但安全模块无法与之对账：{reason}。请连接模块，然后运行 starpos vend reconcile 并与被替换的数据库比较。</translation>
    </message>
    <message>
      <source>The database {url} cannot be reached: {reason}. Check the address, the user and the password, and that the server is running.</source>
      <translation>无法连接数据库 {url}：{reason}。请检查地址、用户名和密码，以及服务器是否在运行。</translation>
    </message>
    <message>
      <source>it is not a database URL; use sqlite:////FOLDER/starpos.db or postgresql+psycopg://USER@HOST/DATABASE, or leave it empty for SQLite in the data folder</source>
      <translation>这不是数据库 URL；请使用 sqlite:////文件夹/starpos.db 或 postgresql+psycopg://用户@主机/数据库，或留空以使用数据文件夹中的 SQLite</translation>
    </message>
    <message>
      <source>StarPOS keeps its store in SQLite or PostgreSQL, not {backend}</source>
      <translation>StarPOS 的数据库只能是 SQLite 或 PostgreSQL，不能是 {backend}</translation>
    </message>
    <message>
      <source>the PostgreSQL driver {driver} is not installed; write postgresql+psycopg://...</source>
      <translation>未安装 PostgreSQL 驱动 {driver}；请写成 postgresql+psycopg://...</translation>
    </message>
    <message>
      <source>an SQLite store is a file: give its absolute path, as sqlite:////var/lib/starpos/starpos.db</source>
      <translation>SQLite 数据库是一个文件：请给出其绝对路径，例如 sqlite:////var/lib/starpos/starpos.db</translation>
    </message>
    <message>
      <source>the folder {folder} does not exist; create it first</source>
      <translation>文件夹 {folder} 不存在；请先创建它</translation>
    </message>
    <message>
      <source>name the database after the host, as postgresql+psycopg://USER@HOST:5432/DATABASE</source>
      <translation>请在主机后写明数据库名，例如 postgresql+psycopg://用户@主机:5432/数据库</translation>
    </message>
    <message>
      <source>StarPOS speaks {languages}; leave it empty to follow the system</source>
      <translation>StarPOS 支持的语言为 {languages}；留空则跟随系统</translation>
    </message>
    <message>
      <source>there is no file {path}</source>
      <translation>没有文件 {path}</translation>
    </message>
    <message>
      <source>{path} does not hold STA tables ({detail}); use the file supplied with the secure module</source>
      <translation>{path} 不包含 STA 表（{detail}）；请使用安全模块随附的文件</translation>
    </message>
    <message>
      <source>a module port is a device such as /dev/ttyUSB0 (COM3 on Windows) or socket://HOST:PORT</source>
      <translation>模块端口是一个设备，例如 /dev/ttyUSB0（Windows 上为 COM3）或 socket://主机:端口</translation>
    </message>
    <message>
      <source>there is no port {port} on this computer; plug the module in, or list the ports with ls /dev/ttyUSB* /dev/ttyACM*</source>
      <translation>本机没有端口 {port}；请插上模块，或用 ls /dev/ttyUSB* /dev/ttyACM* 列出端口</translation>
    </message>
    <message>
      <source>{port} is not a serial port</source>
      <translation>{port} 不是串口</translation>
    </message>
    <message>
      <source>give a host and a port between 1 and 65535, as socket://10.0.0.5:7000</source>
      <translation>请给出主机和 1 到 65535 之间的端口，例如 socket://10.0.0.5:7000</translation>
    </message>
    <message>
      <source>a baud rate is one of {rates}</source>
      <translation>波特率必须是以下之一：{rates}</translation>
    </message>
    <message>
      <source>it must be between {low} and {high}</source>
      <translation>必须在 {low} 到 {high} 之间</translation>
    </message>
    <message>
      <source>it is not a printer connection ({detail}); use for example network:192.168.1.50:9100, usb:04b8:0202, serial:/dev/ttyUSB0:19200, file:/dev/usb/lp0, cups:QUEUE, or leave it empty for the virtual printer</source>
      <translation>这不是打印机连接（{detail}）；请使用例如 network:192.168.1.50:9100、usb:04b8:0202、serial:/dev/ttyUSB0:19200、file:/dev/usb/lp0、cups:队列，或留空以使用虚拟打印机</translation>
    </message>
    <message>
      <source>python-escpos knows no printer profile of that name; it knows for example TM-T88V, TM-T20II, POS-5890 and default</source>
      <translation>python-escpos 没有该名称的打印机配置；它支持例如 TM-T88V、TM-T20II、POS-5890 和 default</translation>
    </message>
    <message>
      <source>the paper is {widths} mm wide</source>
      <translation>纸宽为 {widths} 毫米</translation>
    </message>
    <message>
      <source>it holds control characters, which the printer would take for commands</source>
      <translation>其中含有控制字符，打印机会将其当作命令</translation>
    </message>
    <message>
      <source>it has {count} lines; at most {most} fit on a voucher</source>
      <translation>共有 {count} 行；凭条上最多容纳 {most} 行</translation>
    </message>
    <message>
      <source>line {line} has {length} characters; at most {most} fit on the paper</source>
      <translation>第 {line} 行有 {length} 个字符；纸上最多容纳 {most} 个</translation>
    </message>
    <message>
      <source>a reader name is one line of at most {most} characters, as starpos card readers lists it</source>
      <translation>读卡器名称为一行，最多 {most} 个字符，与 starpos card readers 列出的一致</translation>
    </message>
    <message>
      <source>give the folder's absolute path (it starts with /), or leave it empty for the data folder</source>
      <translation>请给出文件夹的绝对路径（以 / 开头），或留空以使用数据文件夹</translation>
    </message>
    <message>
      <source>{path} exists and is not a folder</source>
      <translation>{path} 已存在且不是文件夹</translation>
    </message>
    <message>
      <source>StarPOS may not write in {path}</source>
      <translation>StarPOS 无权写入 {path}</translation>
    </message>
    <message>
      <source>give the time of day as HH:MM (24 hours, for example 12:30), or off</source>
      <translation>请按 HH:MM 格式给出时间（24 小时制，例如 12:30），或填 off</translation>
    </message>
    <message>
      <source>it has no backup.json, so it is not a StarPOS backup folder</source>
      <translation>其中没有 backup.json，因此不是 StarPOS 备份文件夹</translation>
    </message>
    <message>
      <source>its backup.json cannot be read ({detail})</source>
      <translation>无法读取其中的 backup.json（{detail}）</translation>
    </message>
    <message>
      <source>its file {file} is missing</source>
      <translation>缺少其中的文件 {file}</translation>
    </message>
    <message>
      <source>its file {file} is not as it was written (size or checksum differs)</source>
      <translation>其中的文件 {file} 与写入时不一致（大小或校验和不同）</translation>
    </message>
    <message>
      <source>its store fails SQLite's integrity check ({detail})</source>
      <translation>其中的数据库未通过 SQLite 完整性检查（{detail}）</translation>
    </message>
    <message>
      <source>the audit log in it is broken ({count} problem(s), first at entry {entry})</source>
      <translation>其中的审计日志已损坏（{count} 个问题，第一个在第 {entry} 条）</translation>
    </message>
    <message>
      <source>it was made by a newer StarPOS (schema {found}; this one knows up to {head})</source>
      <translation>它由更新版本的 StarPOS 创建（架构 {found}；本版本最高支持 {head}）</translation>
    </message>
    <message>
      <source>its store cannot be opened ({detail})</source>
      <translation>无法打开其中的数据库（{detail}）</translation>
    </message>
    <message>
      <source>its module emulator state cannot be read</source>
      <translation>无法读取其中的模块模拟器状态</translation>
    </message>
  </context>
  <context>
    <name>settings</name>
    <message>
      <source>It applies at once: no restart needed.</source>
      <translation>立即生效：无需重启。</translation>
    </message>
    <message>
      <source>It applies when the app is started again (commands use it at once).</source>
      <translation>在应用程序下次启动时生效（命令会立即使用）。</translation>
    </message>
    <message>
      <source>It applies when the built-in module emulator starts again.</source>
      <translation>在内置模块模拟器下次启动时生效。</translation>
    </message>
    <message>
      <source>Backup folder (empty: backups in the data folder)</source>
      <translation>备份文件夹（留空：数据文件夹中的 backups）</translation>
    </message>
    <message>
      <source>Secure module answer timeout (ms)</source>
      <translation>安全模块应答超时（毫秒）</translation>
    </message>
    <message>
      <source>Warn this many days before a module key expires</source>
      <translation>模块密钥到期前提前警告的天数</translation>
    </message>
    <message>
      <source>Card reader name (empty: the first reader)</source>
      <translation>读卡器名称（留空：第一个读卡器）</translation>
    </message>
    <message>
      <source>Keep backups for (days)</source>
      <translation>备份保留天数</translation>
    </message>
    <message>
      <source>Daily backup at (HH:MM, or off)</source>
      <translation>每日备份时间（HH:MM，或 off）</translation>
    </message>
    <message>
      <source>The database answers (schema {revision}).</source>
      <translation>数据库有响应（架构 {revision}）。</translation>
    </message>
    <message>
      <source>There is no store there yet: starpos db init makes it.</source>
      <translation>那里还没有数据库：starpos db init 会创建它。</translation>
    </message>
    <message>
      <source>--check reaches the database only; the form of {key} is checked.</source>
      <translation>--check 只连接数据库；已检查 {key} 的格式。</translation>
    </message>
    <message>
      <source>Every setting is good.</source>
      <translation>所有设置均正确。</translation>
    </message>
    <message>
      <source>The built-in module emulator was stopped: it starts again with the new value when it is next needed.</source>
      <translation>内置模块模拟器已停止：下次需要时会以新值重新启动。</translation>
    </message>
    <message>
      <source>The app is using the built-in module emulator: close the app and run this command again to apply the new value.</source>
      <translation>应用程序正在使用内置模块模拟器：请关闭应用程序并再次运行此命令以应用新值。</translation>
    </message>
      <message>
        <source>A token may be cancelled for (days after its sale)</source>
        <translation>令牌可在售出后多少天内取消（天）</translation>
    </message>
</context>
  <context>
    <name>settings_dialog</name>
    <message>
      <source>Nothing was saved: correct the fields marked in red.</source>
      <translation>未保存任何内容：请修正红色标出的字段。</translation>
    </message>
    <message>
      <source>HH:MM, or off</source>
      <translation>HH:MM，或 off</translation>
    </message>
  </context>
<context>
    <name>settings</name>
    <message>
        <source>This computer's terminal code (empty: none yet)</source>
        <translation>本机的终端编码（空：尚未设置）</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>a terminal code is 1 to 20 letters, digits, '-' or '_', as Terminals in the administration lists it</source>
        <translation>终端编码由 1 到 20 个字母、数字、“-”或“_”组成，与管理界面“终端”列表中的一致</translation>
    </message>
</context>
</TS>
