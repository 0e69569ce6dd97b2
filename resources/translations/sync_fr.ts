<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
  <context>
    <name>errors</name>
    <message>
      <source>Module {module} has no credit block waiting for its counter, so there is nothing to withdraw (starpos server credit-blocks --all lists every block and what became of it).</source>
      <translation>Le module {module} n'a aucun bloc de crédit en attente de son comptoir : il n'y a rien à retirer (starpos server credit-blocks --all liste chaque bloc et ce qu'il est devenu).</translation>
    </message>
    <message>
      <source>No terminal has reported module {module} to the head office yet, so its next credit update sequence is unknown. Sync the counter that uses it (after one sale or credit there), then issue the block.</source>
      <translation>Aucun terminal n'a encore signalé le module {module} au siège : sa prochaine séquence de mise à jour de crédit est inconnue. Synchronisez le comptoir qui l'utilise (après une vente ou un crédit sur ce comptoir), puis émettez le bloc.</translation>
    </message>
    <message>
      <source>Module {module} already has a credit block waiting for its counter (sequence {sequence}, issued {issued}). Sync terminal {terminal} first: the module takes one block at a time.</source>
      <translation>Le module {module} a déjà un bloc de crédit en attente de son comptoir (séquence {sequence}, émis le {issued}). Synchronisez d'abord le terminal {terminal} : le module accepte un bloc à la fois.</translation>
    </message>
    <message>
      <source>The credit block {block} from the head office (module {module}) was not applied: {reason} The rest of the sync went through; the head office sees the outcome at the next push.</source>
      <translation>Le bloc de crédit {block} du siège (module {module}) n'a pas été appliqué : {reason} Le reste de la synchronisation a abouti ; le siège verra le résultat au prochain envoi.</translation>
    </message>
    <message>
      <source>The counter could not sync with the head office.</source>
      <translation>Le comptoir n'a pas pu se synchroniser avec le siège.</translation>
    </message>
    <message>
      <source>This counter is not enrolled with a head office. Ask the head office for an enrolment code, then run: starpos sync enrol --server URL --code CODE</source>
      <translation>Ce comptoir n'est inscrit auprès d'aucun siège. Demandez un code d'inscription au siège, puis lancez : starpos sync enrol --server URL --code CODE</translation>
    </message>
    <message>
      <source>This counter is already enrolled with {server} as terminal {terminal}. A counter belongs to one head office; use another data folder for another one.</source>
      <translation>Ce comptoir est déjà inscrit auprès de {server} comme terminal {terminal}. Un comptoir appartient à un seul siège ; utilisez un autre dossier de données pour un autre siège.</translation>
    </message>
    <message>
      <source>The head office server at {server} cannot be reached ({reason}). Selling goes on; what was recorded is sent when the server answers again.</source>
      <translation>Le serveur du siège à {server} est injoignable ({reason}). La vente continue ; ce qui a été enregistré sera envoyé dès que le serveur répondra.</translation>
    </message>
    <message>
      <source>The head office refused the enrolment code: it is unknown, already used or expired. Ask the head office for a new code (starpos server enrol --terminal CODE).</source>
      <translation>Le siège a refusé le code d'inscription : il est inconnu, déjà utilisé ou expiré. Demandez un nouveau code au siège (starpos server enrol --terminal CODE).</translation>
    </message>
    <message>
      <source>The head office has revoked this terminal's key, so it takes nothing more from this counter. Ask the head office why; to enrol again it must give a new code.</source>
      <translation>Le siège a révoqué la clé de ce terminal et n'accepte plus rien de ce comptoir. Demandez-en la raison au siège ; pour vous inscrire à nouveau, il doit vous donner un nouveau code.</translation>
    </message>
    <message>
      <source>The head office refused this counter's signed request ({reason}). Check that the counter is the one that was enrolled and that its clock is right.</source>
      <translation>Le siège a refusé la requête signée de ce comptoir ({reason}). Vérifiez qu'il s'agit bien du comptoir inscrit et que son horloge est juste.</translation>
    </message>
    <message>
      <source>The head office refused event {seq} of this counter ({reason}); nothing after it is sent. The head office lists the problem with: starpos server findings</source>
      <translation>Le siège a refusé l'événement {seq} de ce comptoir ({reason}) ; rien de ce qui suit n'est envoyé. Le siège voit le problème avec : starpos server findings</translation>
    </message>
    <message>
      <source>The head office could not take the events now ({reason}). They stay queued on this counter and are sent again at the next push.</source>
      <translation>Le siège n'a pas pu prendre les événements maintenant ({reason}). Ils restent en attente sur ce comptoir et seront renvoyés au prochain envoi.</translation>
    </message>
    <message>
      <source>The head office answered something this counter does not understand ({detail}). Check that the server URL is a StarPOS head office of the same version.</source>
      <translation>Le siège a répondu quelque chose que ce comptoir ne comprend pas ({detail}). Vérifiez que l'URL du serveur est celle d'un siège StarPOS de la même version.</translation>
    </message>
    <message>
      <source>The counter's signing key {path} cannot be read ({reason}). Restore it from the data folder's backup, or have the head office enrol this counter again.</source>
      <translation>La clé de signature du comptoir {path} est illisible ({reason}). Restaurez-la depuis la sauvegarde du dossier de données, ou faites inscrire à nouveau ce comptoir par le siège.</translation>
    </message>
    <message>
      <source>The head office server could not do this.</source>
      <translation>Le serveur du siège n'a pas pu faire cela.</translation>
    </message>
    <message>
      <source>The head office server runs on a PostgreSQL store, and this data folder's database is {backend}. Point the setting database.url at the head office's PostgreSQL (postgresql+psycopg://user@host/database).</source>
      <translation>Le serveur du siège fonctionne sur une base PostgreSQL, et la base de ce dossier de données est {backend}. Faites pointer le paramètre database.url vers la base PostgreSQL du siège (postgresql+psycopg://utilisateur@hôte/base).</translation>
    </message>
    <message>
      <source>There is no terminal {terminal} in the head office's store. Add the terminal to its sales point first, then make its enrolment code.</source>
      <translation>Il n'y a pas de terminal {terminal} dans la base du siège. Ajoutez d'abord le terminal à son point de vente, puis créez son code d'inscription.</translation>
    </message>
    <message>
      <source>Terminal {terminal} has no enrolled key that is still valid; nothing was revoked.</source>
      <translation>Le terminal {terminal} n'a aucune clé inscrite encore valide ; rien n'a été révoqué.</translation>
    </message>
    <message>
      <source>The server cannot listen on {host}:{port} ({reason}). Choose another port with --port, or stop the program that holds it.</source>
      <translation>Le serveur ne peut pas écouter sur {host}:{port} ({reason}). Choisissez un autre port avec --port, ou arrêtez le programme qui l'occupe.</translation>
    </message>
    <message>
      <source>The head office sent {table} {key}, which names {missing}: this counter does not have it, so nothing was applied. Run a full pull: starpos sync pull --full</source>
      <translation>Le siège a envoyé {table} {key}, qui cite {missing} : ce comptoir ne l'a pas, donc rien n'a été appliqué. Lancez une récupération complète : starpos sync pull --full</translation>
    </message>
    <message>
      <source>This counter belongs to the head office at {server}, which owns the master data ({what} here): make the change in the head office's back office; it reaches this counter at the next sync.</source>
      <translation>Ce comptoir appartient au siège {server}, propriétaire des données de base (ici {what}) : faites la modification dans le back-office du siège ; elle arrivera sur ce comptoir à la prochaine synchronisation.</translation>
    </message>
    <message>
      <source>This counter has not reached the head office for {hours} hours (terminal {terminal} may sell offline for {limit} hours), so it stops selling. Connect it to the network and sync (starpos sync run), or ask the head office to raise the terminal's offline limit.</source>
      <translation>Ce comptoir n'a pas joint le siège depuis {hours} heures (le terminal {terminal} peut vendre hors ligne pendant {limit} heures), il cesse donc de vendre. Connectez-le au réseau et synchronisez (starpos sync run), ou demandez au siège de relever la limite hors ligne du terminal.</translation>
    </message>
    <message>
      <source>This counter has sold {unsent} that the head office has not received; this sale of {amount} would pass terminal {terminal}'s offline limit of {limit}, so it stops selling. Connect it to the network and sync (starpos sync run) to send its sales, or ask the head office to raise the terminal's offline limit.</source>
      <translation>Ce comptoir a vendu {unsent} que le siège n'a pas encore reçus ; cette vente de {amount} dépasserait la limite hors ligne de {limit} du terminal {terminal}, il cesse donc de vendre. Connectez-le au réseau et synchronisez (starpos sync run) pour envoyer ses ventes, ou demandez au siège de relever la limite hors ligne du terminal.</translation>
    </message>
    <message>
      <source>There is no finding {finding} at the head office (starpos server findings --all lists every finding with its number).</source>
      <translation>Il n'y a pas d'anomalie {finding} au siège (starpos server findings --all liste toutes les anomalies avec leur numéro).</translation>
    </message>
    <message>
      <source>Finding {finding} was already resolved on {resolved_at}; nothing was changed.</source>
      <translation>L'anomalie {finding} a déjà été résolue le {resolved_at} ; rien n'a été modifié.</translation>
    </message>
    <message>
      <source>Say what was done about finding {finding} with --note (it is kept in the audit log); nothing was changed.</source>
      <translation>Indiquez avec --note ce qui a été fait pour l'anomalie {finding} (c'est conservé dans le journal d'audit) ; rien n'a été modifié.</translation>
    </message>
  </context>
  <context>
    <name>sync</name>
    <message>
      <source>Credit block for module {module_id} withdrawn: {operation} {amount_kwh} kWh, update sequence {sequence}. It is no longer sent to terminal {terminal}.</source>
      <translation>Bloc de crédit du module {module_id} retiré : {operation} {amount_kwh} kWh, séquence de mise à jour {sequence}. Il n'est plus envoyé au terminal {terminal}.</translation>
    </message>
    <message>
      <source>No credit block is waiting.</source>
      <translation>Aucun bloc de crédit n'est en attente.</translation>
    </message>
    <message>
      <source>waiting</source>
      <translation>en attente</translation>
    </message>
    <message>
      <source>applied</source>
      <translation>appliqué</translation>
    </message>
    <message>
      <source>refused</source>
      <translation>refusé</translation>
    </message>
    <message>
      <source>superseded</source>
      <translation>remplacé</translation>
    </message>
    <message>
      <source>withdrawn</source>
      <translation>retiré</translation>
    </message>
    <message>
        <source>The module's books agree with the store.</source>
        <translation>Les comptes du module concordent avec la base.</translation>
    </message>
    <message>
        <source>The module's books do NOT agree with the store ({count} finding(s)): starpos vend reconcile names them; the head office has been told.</source>
        <translation>Les comptes du module ne concordent PAS avec la base ({count} constat(s)) : starpos vend reconcile les nomme ; le siège en a été informé.</translation>
    </message>
    <message>
      <source>Credit block for module {module_id} issued: {operation} {amount_kwh} kWh, update sequence {sequence}. It reaches terminal {terminal} at its next sync.</source>
      <translation>Bloc de crédit émis pour le module {module_id} : {operation} {amount_kwh} kWh, séquence de mise à jour {sequence}. Il parviendra au terminal {terminal} à sa prochaine synchronisation.</translation>
    </message>
    <message>
      <source>Credit block from the head office ({operator}) applied to module {module_id}: {operation} {amount_kwh} kWh, balance {balance_kwh} kWh (sequence {sequence}).</source>
      <translation>Bloc de crédit du siège ({operator}) appliqué au module {module_id} : {operation} {amount_kwh} kWh, solde {balance_kwh} kWh (séquence {sequence}).</translation>
    </message>
    <message>
      <source>Enrolment code for terminal {terminal} ({sales_point}): {code}
It works once, until {expires} (UTC). On the counter run: starpos sync enrol --server URL --code {code}</source>
      <translation>Code d'inscription du terminal {terminal} ({sales_point}) : {code}
Il sert une seule fois, jusqu'au {expires} (UTC). Sur le comptoir, lancez : starpos sync enrol --server URL --code {code}</translation>
    </message>
    <message>
      <source>Terminal {terminal}: {count} key(s) revoked.</source>
      <translation>Terminal {terminal} : {count} clé(s) révoquée(s).</translation>
    </message>
    <message>
      <source>No open findings.</source>
      <translation>Aucune anomalie ouverte.</translation>
    </message>
    <message>
      <source>No terminal is enrolled yet.</source>
      <translation>Aucun terminal n'est encore inscrit.</translation>
    </message>
    <message>
      <source>Terminal</source>
      <translation>Terminal</translation>
    </message>
    <message>
      <source>Sales point</source>
      <translation>Point de vente</translation>
    </message>
    <message>
      <source>Events applied</source>
      <translation>Événements appliqués</translation>
    </message>
    <message>
      <source>Last seen</source>
      <translation>Dernier contact</translation>
    </message>
    <message>
      <source>Revoked</source>
      <translation>Révoqué</translation>
    </message>
    <message>
      <source>Sales</source>
      <translation>Ventes</translation>
    </message>
    <message>
      <source>Net amount</source>
      <translation>Montant net</translation>
    </message>
    <message>
      <source>Energy (kWh)</source>
      <translation>Énergie (kWh)</translation>
    </message>
    <message>
      <source>Open findings</source>
      <translation>Anomalies ouvertes</translation>
    </message>
    <message>
      <source>Enrolled with {server} as terminal {terminal} of sales point {sales_point}.</source>
      <translation>Inscrit auprès de {server} comme terminal {terminal} du point de vente {sales_point}.</translation>
    </message>
    <message>
      <source>{applied} event(s) applied, {duplicates} already there; acknowledged up to {acknowledged}, {waiting} waiting.</source>
      <translation>{applied} événement(s) appliqué(s), {duplicates} déjà présent(s) ; accusé jusqu'à {acknowledged}, {waiting} en attente.</translation>
    </message>
    <message>
      <source>Enrolled</source>
      <translation>Inscrit</translation>
    </message>
    <message>
      <source>Head office</source>
      <translation>Siège</translation>
    </message>
    <message>
      <source>Acknowledged up to</source>
      <translation>Accusé jusqu'à</translation>
    </message>
    <message>
      <source>Events waiting</source>
      <translation>Événements en attente</translation>
    </message>
    <message>
      <source>Last sync</source>
      <translation>Dernière synchronisation</translation>
    </message>
    <message>
      <source>Last problem</source>
      <translation>Dernier problème</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>oui</translation>
    </message>
    <message>
      <source>no</source>
      <translation>non</translation>
    </message>
    <message>
      <source>{kind}: {rows} row(s) of master data applied, {deleted} deleted; position {cursor}.</source>
      <translation>{kind} : {rows} ligne(s) de données de base appliquée(s), {deleted} supprimée(s) ; position {cursor}.</translation>
    </message>
    <message>
      <source>Deleted at the head office but still used by this counter's records, so kept: {rows}</source>
      <translation>Supprimé au siège mais encore utilisé par les enregistrements de ce comptoir, donc conservé : {rows}</translation>
    </message>
    <message>
      <source>Ended here because the head office kept another one (its findings say why; meter and issue number for a card): {rows}</source>
      <translation>Terminé ici car le siège en a gardé un autre (ses constats disent pourquoi ; compteur et numéro d'émission pour une carte) : {rows}</translation>
    </message>
    <message>
      <source>Full snapshot</source>
      <translation>Instantané complet</translation>
    </message>
    <message>
      <source>Changes</source>
      <translation>Modifications</translation>
    </message>
    <message>
      <source>State</source>
      <translation>État</translation>
    </message>
    <message>
      <source>online</source>
      <translation>en ligne</translation>
    </message>
    <message>
      <source>offline since {time}</source>
      <translation>hors ligne depuis {time}</translation>
    </message>
    <message>
      <source>Master data position</source>
      <translation>Position des données de base</translation>
    </message>
    <message>
      <source>Two counters issued a card to this meter while apart: the card named here is not booked, and the card the head office had first stays the meter's card. Take the other card back and blank it.</source>
      <translation>Deux comptoirs ont émis une carte pour ce compteur sans être reliés : la carte nommée ici n'est pas enregistrée, et la carte que le siège avait reçue en premier reste celle du compteur. Reprenez l'autre carte et effacez-la.</translation>
    </message>
    <message>
      <source>Two sales put the same credit sequence on this meter's card (two counters sold to the card while apart, or to a restored copy of it): the meter loads only one of them. Both sales stand; refund or sell again the one the meter did not load.</source>
      <translation>Deux ventes ont mis la même séquence de crédit sur la carte de ce compteur (deux comptoirs ont vendu sur la carte sans être reliés, ou sur une copie restaurée de celle-ci) : le compteur n'en charge qu'une. Les deux ventes sont maintenues ; remboursez ou revendez celle que le compteur n'a pas chargée.</translation>
    </message>
    <message>
      <source>Two sales returned the same credit owed to this meter (two counters sold to it while apart): the customer got it back twice. Both sales stand; recover the amount from the customer or write it off.</source>
      <translation>Deux ventes ont rendu le même crédit dû à ce compteur (deux comptoirs lui ont vendu sans être reliés) : le client l'a reçu deux fois. Les deux ventes sont maintenues ; récupérez le montant auprès du client ou passez-le en perte.</translation>
    </message>
    <message>
      <source>Two counters gave this meter the same TID while apart: the meter takes the token entered first and refuses the other as used. The counter that sold the bill named here (not the other) replaces its token after its next sync: same energy, new TID, no money.</source>
      <translation>Deux comptoirs ont donné le même TID à ce compteur alors qu'ils étaient séparés : le compteur accepte le jeton saisi en premier et refuse l'autre comme déjà utilisé. Le comptoir qui a vendu la facture nommée ici (pas l'autre) remplace son jeton après sa prochaine synchronisation : même énergie, nouveau TID, sans argent.</translation>
    </message>
    <message>
      <source>A sale's collided token was replaced twice, or by a counter that did not sell it: both replacement tokens stand, the first is the one kept. Recover the energy of the other from the customer.</source>
      <translation>Le jeton en collision d'une vente a été remplacé deux fois, ou par un comptoir qui ne l'avait pas vendu : les deux jetons de remplacement restent, le premier est celui retenu. Récupérez auprès du client l'énergie de l'autre.</translation>
    </message>
    <message>
      <source>Two counters sold this meter's key change while apart. The meter takes the pair of key change tokens entered first and refuses the other pair; both credit tokens are made for the new key, so the customer loses nothing. Both sales stand: tell the customer to enter one pair, then both credit tokens.</source>
      <translation>Deux comptoirs ont vendu le changement de clé de ce compteur pendant qu'ils étaient séparés. Le compteur accepte la paire de jetons de changement de clé saisie en premier et refuse l'autre paire ; les deux jetons de crédit sont faits pour la nouvelle clé, le client ne perd donc rien. Les deux ventes restent : dites au client de saisir une paire, puis les deux jetons de crédit.</translation>
    </message>
    <message>
      <source>Finding {id} ({kind}) resolved; it is no longer open.</source>
      <translation>Anomalie {id} ({kind}) résolue ; elle n'est plus ouverte.</translation>
    </message>
    <message>
      <source>The head office's books agree: {terminals} terminal keys, {events} events, {modules} modules and {tokens} tokens checked.</source>
      <translation>Les livres du siège concordent : {terminals} clés de terminal, {events} événements, {modules} modules et {tokens} jetons vérifiés.</translation>
    </message>
    <message>
      <source>The head office's books do NOT agree: {count} findings ({terminals} terminal keys, {events} events, {modules} modules and {tokens} tokens checked).</source>
      <translation>Les livres du siège ne concordent PAS : {count} anomalies ({terminals} clés de terminal, {events} événements, {modules} modules et {tokens} jetons vérifiés).</translation>
    </message>
    <message>
      <source>The counter reconciled its secure module after a sync and the module's figures do not agree with the counter's books: the module gave out energy, or made tokens, that no sale or token operation records (ghost vending), or a credit update is missing. Run starpos server check, then starpos audit verify at the counter; take the module out of service until it is explained.</source>
      <translation>Le comptoir a rapproché son module de sécurité après une synchronisation et les chiffres du module ne concordent pas avec les livres du comptoir : le module a délivré de l'énergie, ou fait des jetons, qu'aucune vente ni opération sur jeton n'enregistre (vente fantôme), ou une mise à jour de crédit manque. Lancez starpos server check, puis starpos audit verify au comptoir ; retirez le module du service tant que ce n'est pas expliqué.</translation>
    </message>
  </context>
</TS>
