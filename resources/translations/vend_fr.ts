<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>errors</name>
    <message>
        <source>The secure module ({module}) is in use by a sale on this counter. It is tried again at the next sync.</source>
        <translation>Le module de sécurité ({module}) est utilisé par une vente à ce guichet. Nouvel essai à la prochaine synchro.</translation>
    </message>
    <message>
        <source>Customer {customer} is on the blacklist ({remark}), so no credit may be sold to them. Send the customer to the office.</source>
        <translation>Le client {customer} est sur la liste noire ({remark}) : aucun crédit ne peut lui être vendu. Envoyez le client à l'agence.</translation>
    </message>
    <message>
        <source>Customer {customer} is on the blacklist, so no credit may be sold to them. Send the customer to the office.</source>
        <translation>Le client {customer} est sur la liste noire : aucun crédit ne peut lui être vendu. Envoyez le client à l'agence.</translation>
    </message>
    <message>
        <source>Meter {number} is a postpaid meter: it takes no token. Take last month's frozen amount as a bill payment instead of a vend.</source>
        <translation>Le compteur {number} est un compteur postpayé : il ne prend pas de jeton. Encaissez le montant gelé du mois dernier comme paiement de facture, pas comme vente.</translation>
    </message>
    <message>
        <source>Meter {number} is a smart card meter: its credit is written on the customer's card. Sell it in the cashier window with the card in the reader.</source>
        <translation>Le compteur {number} est un compteur à carte : son crédit s'écrit sur la carte du client. Vendez-le dans la fenêtre de caisse avec la carte dans le lecteur.</translation>
    </message>
    <message>
        <source>Meter {number} is not installed for a customer, so credit cannot be sold for it. Register it to the customer first.</source>
        <translation>Le compteur {number} n'est installé chez aucun client : aucun crédit ne peut être vendu pour lui. Enregistrez-le d'abord pour le client.</translation>
    </message>
    <message>
        <source>No meter {number} is registered here. Check the number on the meter, or register the customer's meter first.</source>
        <translation>Aucun compteur {number} n'est enregistré ici. Vérifiez le numéro sur le compteur, ou enregistrez d'abord le compteur du client.</translation>
    </message>
    <message>
        <source>Operator {operator} is not allowed to log in, so may not sell either. Ask an administrator.</source>
        <translation>L'opérateur {operator} n'a pas le droit de se connecter, il ne peut donc pas vendre non plus. Adressez-vous à un administrateur.</translation>
    </message>
    <message>
        <source>Operator {operator} may not sell credit. Ask a supervisor to sell it or to give you the right.</source>
        <translation>L'opérateur {operator} n'a pas le droit de vendre du crédit. Demandez à un superviseur de faire la vente ou de vous donner ce droit.</translation>
    </message>
    <message>
        <source>Operator {operator} may only sell at sales point {home}, not at {sales_point}. Ask an administrator to allow other sales points.</source>
        <translation>L'opérateur {operator} ne peut vendre qu'au point de vente {home}, pas à {sales_point}. Demandez à un administrateur d'autoriser d'autres points de vente.</translation>
    </message>
    <message>
        <source>Sales are forbidden at sales point {sales_point}. Sell from another sales point or ask an administrator to allow sales here.</source>
        <translation>Les ventes sont interdites au point de vente {sales_point}. Vendez depuis un autre point de vente ou demandez à un administrateur de les autoriser ici.</translation>
    </message>
    <message>
        <source>The check digit of meter number {number} is wrong, so it was mistyped. Read the number on the meter again and type it once more.</source>
        <translation>Le chiffre de contrôle du numéro de compteur {number} est faux : il a été mal tapé. Relisez le numéro sur le compteur et tapez-le de nouveau.</translation>
    </message>
    <message>
        <source>The contract of meter {number} is cancelled, so no credit may be sold for it. The customer must sign a new contract at the office.</source>
        <translation>Le contrat du compteur {number} est résilié : aucun crédit ne peut être vendu pour lui. Le client doit signer un nouveau contrat à l'agence.</translation>
    </message>
    <message>
        <source>The customer paid {tendered}, less than the net amount {net}. Take at least the net amount.</source>
        <translation>Le client a payé {tendered}, moins que le montant net {net}. Encaissez au moins le montant net.</translation>
    </message>
    <message>
        <source>The net amount {net} is above the warn amount {warn}. Confirm the amount with the customer, then sell it again confirmed.</source>
        <translation>Le montant net {net} dépasse le montant d'alerte {warn}. Confirmez le montant avec le client, puis refaites la vente en la confirmant.</translation>
    </message>
    <message>
        <source>The secure module does not answer ({reason}). Check its cable and power, or the port in the settings, then try again.</source>
        <translation>Le module de sécurité ne répond pas ({reason}). Vérifiez son câble et son alimentation, ou le port dans les paramètres, puis réessayez.</translation>
    </message>
    <message>
        <source>The secure module ({module}) is in use by another StarPOS program (process {pid}), such as the counter app, which keeps it while it runs. Sell from that program, or close it and try again.</source>
        <translation>Le module de sécurité ({module}) est utilisé par un autre programme StarPOS (processus {pid}), par exemple l'application de caisse, qui le garde tant qu'elle tourne. Vendez depuis ce programme, ou fermez-le et réessayez.</translation>
    </message>
    <message>
        <source>The secure module has no vending key for meter {number} (supply group {sgc}, key revision {krn}, register {register}). Load the KMF file with that key first.</source>
        <translation>Le module de sécurité n'a pas de clé de vente pour le compteur {number} (groupe d'approvisionnement {sgc}, révision de clé {krn}, registre {register}). Chargez d'abord le fichier KMF qui contient cette clé.</translation>
    </message>
    <message>
        <source>The secure module has {balance} kWh of credit left, less than the {needed} kWh this sale needs. Credit the module (SM manager) or sell a smaller amount.</source>
        <translation>Il reste {balance} kWh de crédit dans le module de sécurité, moins que les {needed} kWh de cette vente. Créditez le module (gestionnaire SM) ou vendez un montant plus petit.</translation>
    </message>
    <message>
        <source>The vend was refused.</source>
        <translation>La vente a été refusée.</translation>
    </message>
    <message>
        <source>The vending key of meter {number} has expired (key expiry number {ken}). The meter needs a key change to a new key revision before credit can be sold.</source>
        <translation>La clé de vente du compteur {number} a expiré (numéro d'expiration de clé {ken}). Le compteur doit recevoir un changement de clé vers une nouvelle révision avant toute vente.</translation>
    </message>
    <message>
        <source>There is no active payment term {payment}. Use one of: {known}.</source>
        <translation>Il n'y a pas de mode de paiement actif {payment}. Utilisez l'un de : {known}.</translation>
    </message>
    <message>
        <source>There is no sales point {sales_point}. Check the terminal's configuration.</source>
        <translation>Il n'y a pas de point de vente {sales_point}. Vérifiez la configuration du terminal.</translation>
    </message>
    <message>
        <source>There is no vend with the bill number {bill}.</source>
        <translation>Il n'y a pas de vente avec le numéro de facture {bill}.</translation>
    </message>
    <message>
        <source>Vend {bill} failed and no token was made: {reason}. Nothing was charged to the module; take the money back or try again.</source>
        <translation>La vente {bill} a échoué et aucun jeton n'a été créé : {reason}. Rien n'a été débité du module ; rendez l'argent ou réessayez.</translation>
    </message>
    <message>
        <source>Vend {bill} is not finished: the secure module's answer was lost ({reason}). Keep the money; run the recovery (starpos vend recover, or restart the app) when the module answers again.</source>
        <translation>La vente {bill} n'est pas terminée : la réponse du module de sécurité a été perdue ({reason}). Gardez l'argent ; lancez la reprise (starpos vend recover, ou redémarrez l'application) quand le module répond de nouveau.</translation>
    </message>
    <message>
        <source>Vend {bill} is {state}, so it cannot be {action}.</source>
        <translation>La vente {bill} est à l'état {state} : elle ne peut pas être {action}.</translation>
    </message>
    <message>
        <source>{count} unfinished vend(s) were made with secure module {expected}, but module {found} is connected. Connect module {expected} and run the recovery again.</source>
        <translation>{count} vente(s) inachevée(s) ont été faites avec le module de sécurité {expected}, mais le module {found} est branché. Branchez le module {expected} et relancez la reprise.</translation>
    </message>
    <message>
        <source>{number} is not a meter number: {reason}. Type the 11 or 13 digits printed on the meter, or its 18-digit PAN.</source>
        <translation>{number} n'est pas un numéro de compteur : {reason}. Tapez les 11 ou 13 chiffres imprimés sur le compteur, ou son PAN à 18 chiffres.</translation>
    </message>
    <message>
        <source>{text} is not an amount. Type digits with a decimal point, like 25.00.</source>
        <translation>{text} n'est pas un montant. Tapez des chiffres avec un point décimal, par exemple 25.00.</translation>
    </message>
    <message>
        <source>Vend {bill}: the secure module made the token, but the store could not record it ({reason}). It will be recovered at the next start (or starpos vend recover) once the database can be written again: keep the money, do not sell again, and free the disk or fix the data folder.</source>
        <translation>Vente {bill} : le module de sécurité a fait le jeton, mais le magasin n'a pas pu l'enregistrer ({reason}). Il sera repris au prochain démarrage (ou starpos vend recover) dès que la base de données pourra de nouveau être écrite : gardez l'argent, ne revendez pas, et libérez le disque ou réparez le dossier de données.</translation>
    </message>
    <message>
        <source>The secure module {module} serves another store ({other}), not this one ({store}): this store is not the one that holds the module's sales. Restore that store's backup (starpos db restore FOLDER), or, if this store replaces it for good, re-bind the module: starpos sm rebind --operator CODE --reason "..."</source>
        <translation>Le module de sécurité {module} sert un autre magasin ({other}), pas celui-ci ({store}) : ce magasin n'est pas celui qui détient les ventes du module. Restaurez la sauvegarde de ce magasin (starpos db restore DOSSIER), ou, si ce magasin le remplace pour de bon, liez de nouveau le module : starpos sm rebind --operator CODE --reason "..."</translation>
    </message>
    <message>
        <source>The secure module {module} made {tokens} token(s), {kwh} kWh, that this store does not hold: it is not the store that sold them. Restore the backup of the store that did (starpos db restore FOLDER), or accept the difference and bind the module here: starpos sm rebind --operator CODE --reason "..."</source>
        <translation>Le module de sécurité {module} a fait {tokens} jeton(s), {kwh} kWh, que ce magasin ne détient pas : ce n'est pas le magasin qui les a vendus. Restaurez la sauvegarde du magasin qui l'a fait (starpos db restore DOSSIER), ou acceptez la différence et liez le module ici : starpos sm rebind --operator CODE --reason "..."</translation>
    </message>
    <message>
        <source>Say why the module is re-bound to this store: --reason "..." (it is recorded).</source>
        <translation>Dites pourquoi le module est lié de nouveau à ce magasin : --reason "..." (c'est enregistré).</translation>
    </message>
    <message>
        <source>The credit update (sequence {sequence}) is not finished: the secure module's answer was lost ({reason}). Do not send the block again; run starpos vend recover when the module answers: it reads the module's record of the update.</source>
        <translation>La mise à jour de crédit (séquence {sequence}) n'est pas terminée : la réponse du module de sécurité a été perdue ({reason}). N'envoyez pas le bloc une seconde fois ; lancez starpos vend recover quand le module répond : il lit l'enregistrement de la mise à jour dans le module.</translation>
    </message>
    <message>
        <source>The secure module refused the credit update (sequence {sequence}): {reason}.</source>
        <translation>Le module de sécurité a refusé la mise à jour de crédit (séquence {sequence}) : {reason}.</translation>
    </message>
    <message>
        <source>Meter {number} has its key change in sale {bill}, which is not settled yet. Run the recovery of that sale's counter (starpos vend recover) and try again.</source>
        <translation>Le changement de clé du compteur {number} est pris par la vente {bill}, qui n'est pas encore réglée. Lancez la reprise du comptoir de cette vente (starpos vend recover) et réessayez.</translation>
    </message>
</context>
<context>
    <name>vend</name>
    <message>
        <source>Token</source>
        <translation>Jeton</translation>
    </message>
    <message>
        <source>Bill number</source>
        <translation>Numéro de facture</translation>
    </message>
    <message>
        <source>Meter</source>
        <translation>Compteur</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Net amount</source>
        <translation>Montant net</translation>
    </message>
    <message>
        <source>Vending amount</source>
        <translation>Montant de la vente</translation>
    </message>
    <message>
        <source>Energy (kWh)</source>
        <translation>Énergie (kWh)</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Monnaie rendue</translation>
    </message>
    <message>
        <source>recovered</source>
        <translation>reprise</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échouée</translation>
    </message>
    <message>
        <source>Module {module}: {recovered} vend(s) recovered with their token, {failed} failed (the module never made their token), {waiting} waiting for another module.</source>
        <translation>Module {module} : {recovered} vente(s) reprise(s) avec leur jeton, {failed} échouée(s) (le module n'a jamais créé leur jeton), {waiting} en attente d'un autre module.</translation>
    </message>
    <message>
        <source>Module {module}: balance {balance} kWh agrees with the ledger ({count} vends, {vended} kWh).</source>
        <translation>Module {module} : le solde de {balance} kWh concorde avec le registre ({count} ventes, {vended} kWh).</translation>
    </message>
    <message>
        <source>Module {module}: balance {balance} kWh does NOT agree with the ledger (expected {expected} kWh; {problems} problem(s), {pending} vend(s) pending).</source>
        <translation>Module {module} : le solde de {balance} kWh ne concorde PAS avec le registre ({expected} kWh attendus ; {problems} problème(s), {pending} vente(s) en attente).</translation>
    </message>
    <message>
        <source>Over its life: credited {credited} kWh, debited {debited} kWh, issued {issued} kWh in {tokens} credit token(s); the books hold {ledger} kWh in {ledger_tokens} token(s); last TID {tid} (books: {ledger_tid}).</source>
        <translation>Sur toute sa vie : crédité {credited} kWh, débité {debited} kWh, émis {issued} kWh en {tokens} jeton(s) de crédit ; les livres détiennent {ledger} kWh en {ledger_tokens} jeton(s) ; dernier TID {tid} (livres : {ledger_tid}).</translation>
    </message>
    <message>
        <source>The module's own counters do not add up (balance {balance_kwh} kWh).</source>
        <translation>Les compteurs du module ne concordent pas entre eux (solde {balance_kwh} kWh).</translation>
    </message>
    <message>
        <source>The module issued {beyond_kwh} kWh more than the books hold ({module_issued_kwh} kWh issued, {ledger_kwh} kWh in the books).</source>
        <translation>Le module a émis {beyond_kwh} kWh de plus que ce que détiennent les livres ({module_issued_kwh} kWh émis, {ledger_kwh} kWh dans les livres).</translation>
    </message>
    <message>
        <source>The module made {beyond} credit token(s) the books do not hold.</source>
        <translation>Le module a fait {beyond} jeton(s) de crédit que les livres ne détiennent pas.</translation>
    </message>
    <message>
        <source>The module made {beyond} management token(s) the books do not hold.</source>
        <translation>Le module a fait {beyond} jeton(s) de gestion que les livres ne détiennent pas.</translation>
    </message>
    <message>
        <source>The module made {beyond} key change set(s) the books do not hold.</source>
        <translation>Le module a fait {beyond} jeu(x) de changement de clé que les livres ne détiennent pas.</translation>
    </message>
    <message>
        <source>The module's last token (TID {module_last_tid}) is not in the books (their last: {ledger_last_tid}).</source>
        <translation>Le dernier jeton du module (TID {module_last_tid}) n'est pas dans les livres (leur dernier : {ledger_last_tid}).</translation>
    </message>
    <message>
        <source>Credit update {sequence} ({operation} {amount_kwh} kWh, block {block_digest}) was applied to the module but is not in the store.</source>
        <translation>La mise à jour de crédit {sequence} ({operation} {amount_kwh} kWh, bloc {block_digest}) a été appliquée au module mais n'est pas dans le magasin.</translation>
    </message>
    <message>
        <source>Credit update {sequence}: the module applied block {block_digest}, the store recorded {store_digest}.</source>
        <translation>Mise à jour de crédit {sequence} : le module a appliqué le bloc {block_digest}, le magasin a enregistré {store_digest}.</translation>
    </message>
    <message>
        <source>Credit update {sequence} is still pending in the store (starpos vend recover).</source>
        <translation>La mise à jour de crédit {sequence} est encore en attente dans le magasin (starpos vend recover).</translation>
    </message>
    <message>
        <source>Credit update {sequence} ({amount_kwh} kWh) is in the store but the module has no record of it.</source>
        <translation>La mise à jour de crédit {sequence} ({amount_kwh} kWh) est dans le magasin mais le module n'en a aucun enregistrement.</translation>
    </message>
    <message>
        <source>Between {after} and {at} the module's balance fell {missing_kwh} kWh more than the books say (expected {expected_kwh} kWh, found {found_kwh} kWh).</source>
        <translation>Entre {after} et {at}, le solde du module a baissé de {missing_kwh} kWh de plus que ne le disent les livres (attendu {expected_kwh} kWh, trouvé {found_kwh} kWh).</translation>
    </message>
    <message>
        <source>Key change token {number} of {count}</source>
        <translation>Jeton de changement de clé {number} sur {count}</translation>
    </message>
    <message>
        <source>Enter any older tokens first, then the key change tokens in order, then the credit token.</source>
        <translation>Saisissez d'abord les jetons plus anciens, puis les jetons de changement de clé dans l'ordre, puis le jeton de crédit.</translation>
    </message>
</context>
<context>
    <name>sm</name>
    <message>
        <source>Module {module}: vends a crash left pending were settled first (recovered with their token: {recovered}; failed: {failed}).</source>
        <translation>Module {module} : les ventes laissées en attente par un arrêt brutal ont d'abord été réglées (reprises avec leur jeton : {recovered} ; échouées : {failed}).</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Terminal {terminal} stands at sales point {terminal_sales_point}, not at {sales_point}: sell there, or ask an administrator to move the terminal.</source>
        <translation>Le terminal {terminal} est au point de vente {terminal_sales_point}, pas à {sales_point} : vendez là-bas, ou demandez à un administrateur de déplacer le terminal.</translation>
    </message>
</context>
</TS>
