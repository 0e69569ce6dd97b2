<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>errors</name>
    <message>
        <source>{paid} does not pay the replacement charges of {due}. Take at least {due} from the customer.</source>
        <translation>{paid} ne couvre pas les frais de remplacement de {due}. Encaissez au moins {due} auprès du client.</translation>
    </message>
    <message>
        <source>No meter replacement has the bill number {bill}. Check the number on the bill.</source>
        <translation>Aucun remplacement de compteur ne porte le numéro de facture {bill}. Vérifiez le numéro sur la facture.</translation>
    </message>
    <message>
        <source>The new meter {meter} is a smart card meter: its remainder of {remainder} kWh goes onto the customer's card, and no card was presented. Put a blank card in the card reader and replace again, or replace with a remainder of 0.</source>
        <translation>Le nouveau compteur {meter} est un compteur à carte : son reliquat de {remainder} kWh va sur la carte du client, et aucune carte n'a été présentée. Mettez une carte vierge dans le lecteur de cartes et refaites le remplacement, ou remplacez-le avec un reliquat de 0.</translation>
    </message>
    <message>
        <source>The new meter {meter} is not a smart card meter: its remainder is a keypad token, not a credit on a card. Replace without a card.</source>
        <translation>Le nouveau compteur {meter} n'est pas un compteur à carte : son reliquat est un jeton clavier, pas un crédit sur une carte. Remplacez-le sans carte.</translation>
    </message>
    <message>
        <source>Meter {meter} is not a smart card meter: it has no card to read. Read its remainder on the meter and enter it.</source>
        <translation>Le compteur {meter} n'est pas un compteur à carte : il n'a pas de carte à lire. Relevez son reliquat sur le compteur et saisissez-le.</translation>
    </message>
    <message>
        <source>The token operation could not be completed.</source>
        <translation>L'opération sur jeton n'a pas pu aboutir.</translation>
    </message>
    <message>
        <source>A {kind} token needs a value. Give it and try again.</source>
        <translation>Un jeton {kind} demande une valeur. Indiquez-la et réessayez.</translation>
    </message>
    <message>
        <source>{value} is out of range for a {kind} token: give {minimum} to {maximum}.</source>
        <translation>{value} est hors limites pour un jeton {kind} : indiquez de {minimum} à {maximum}.</translation>
    </message>
    <message>
        <source>No meter is left to make a token for ({refused} refused). Check the list of meters and why each was refused.</source>
        <translation>Il ne reste aucun compteur pour lequel faire un jeton ({refused} refusés). Vérifiez la liste des compteurs et la raison de chaque refus.</translation>
    </message>
    <message>
        <source>The list of meters {source} could not be read: {reason}.</source>
        <translation>La liste de compteurs {source} n'a pas pu être lue : {reason}.</translation>
    </message>
    <message>
        <source>{first} to {last} is not a range of meter numbers: both ends must have the same length and the first must not come after the last.</source>
        <translation>{first} à {last} n'est pas une plage de numéros de compteur : les deux bornes doivent avoir la même longueur et la première ne doit pas venir après la dernière.</translation>
    </message>
    <message>
        <source>{count} meters is more than one batch takes ({maximum}). Split the list.</source>
        <translation>{count} compteurs, c'est plus qu'un lot n'en accepte ({maximum}). Divisez la liste.</translation>
    </message>
    <message>
        <source>There is no token batch {batch}. starpos engineering list shows the batches.</source>
        <translation>Il n'y a pas de lot de jetons {batch}. starpos engineering list affiche les lots.</translation>
    </message>
    <message>
        <source>Batch {batch} has no meter at position {position}. starpos engineering show {batch} lists its meters.</source>
        <translation>Le lot {batch} n'a pas de compteur en position {position}. starpos engineering show {batch} en liste les compteurs.</translation>
    </message>
    <message>
        <source>The token for meter {meter} (batch {batch}, position {position}) is {state}, so there is nothing to print yet.</source>
        <translation>Le jeton du compteur {meter} (lot {batch}, position {position}) est {state} : il n'y a encore rien à imprimer.</translation>
    </message>
    <message>
        <source>The secure module has {balance} kWh of credit, but the free credit of batch {batch} needs {needed} kWh; nothing was made. Credit the module, then go on with starpos engineering resume {batch}.</source>
        <translation>Le module de sécurité a {balance} kWh de crédit, mais le crédit gratuit du lot {batch} demande {needed} kWh ; rien n'a été fait. Créditez le module, puis continuez avec starpos engineering resume {batch}.</translation>
    </message>
    <message>
        <source>The secure module did not answer for meter {meter} (batch {batch}): {reason}. The token may have been made; it is kept as pending and settled when the module is back (starpos engineering recover), then the batch can go on (starpos engineering resume {batch}).</source>
        <translation>Le module de sécurité n'a pas répondu pour le compteur {meter} (lot {batch}) : {reason}. Le jeton a peut-être été fait ; il reste en attente et sera réglé au retour du module (starpos engineering recover), puis le lot pourra continuer (starpos engineering resume {batch}).</translation>
    </message>
    <message>
        <source>Meter {number} cannot have this token.</source>
        <translation>Le compteur {number} ne peut pas recevoir ce jeton.</translation>
    </message>
    <message>
        <source>{number} is not a meter number: {reason}</source>
        <translation>{number} n'est pas un numéro de compteur : {reason}</translation>
    </message>
    <message>
        <source>No meter {number} is registered here.</source>
        <translation>Aucun compteur {number} n'est enregistré ici.</translation>
    </message>
    <message>
        <source>Meter {number} is in the list more than once; it gets one token.</source>
        <translation>Le compteur {number} figure plusieurs fois dans la liste ; il reçoit un seul jeton.</translation>
    </message>
    <message>
        <source>Meter {number} takes its credit by card, not by typed tokens.</source>
        <translation>Le compteur {number} reçoit son crédit par carte, pas par jetons saisis.</translation>
    </message>
    <message>
        <source>Meter {number} has no key register of the secure module (SGC {sgc}, KRN {krn}). Set its key data first.</source>
        <translation>Le compteur {number} n'a pas de registre de clé du module de sécurité (SGC {sgc}, KRN {krn}). Renseignez d'abord ses données de clé.</translation>
    </message>
    <message>
        <source>The secure module holds no key for meter {number} (register {register}, SGC {sgc}, KRN {krn}). Load the key file (KMF) with that key first.</source>
        <translation>Le module de sécurité ne détient aucune clé pour le compteur {number} (registre {register}, SGC {sgc}, KRN {krn}). Chargez d'abord le fichier de clés (KMF) contenant cette clé.</translation>
    </message>
    <message>
        <source>The key of meter {number} has expired (KEN {ken}): it needs a decoder key change first.</source>
        <translation>La clé du compteur {number} a expiré (KEN {ken}) : il faut d'abord un changement de clé du décodeur.</translation>
    </message>
    <message>
        <source>Meter {number} is already on this key and tariff index: nothing to change.</source>
        <translation>Le compteur {number} est déjà sur cette clé et cet indice tarifaire : rien à changer.</translation>
    </message>
    <message>
        <source>Meter {number} counts from base date {current}; a key change cannot take it back to {asked}.</source>
        <translation>Le compteur {number} compte depuis la date de base {current} ; un changement de clé ne peut pas le ramener à {asked}.</translation>
    </message>
    <message>
        <source>Meter {number} has a {digits}-digit manufacturer code, so its test control is at most {maximum}.</source>
        <translation>Le compteur {number} a un code fabricant à {digits} chiffres : son contrôle de test vaut au plus {maximum}.</translation>
    </message>
    <message>
        <source>Meter {number} is already flagged for a key change at its next purchase. Unflag it first to choose another key.</source>
        <translation>Le compteur {number} est déjà marqué pour un changement de clé à son prochain achat. Retirez d'abord ce marquage pour choisir une autre clé.</translation>
    </message>
    <message>
        <source>Meter {number} has no key change waiting that can be withdrawn (never flagged, or its key change tokens are being made or already made).</source>
        <translation>Le compteur {number} n'a aucun changement de clé en attente qui puisse être retiré (jamais marqué, ou ses jetons de changement de clé sont en cours de fabrication ou déjà faits).</translation>
    </message>
    <message>
        <source>No token sale was found for {by}. Check the token, bill number or meter number.</source>
        <translation>Aucune vente de jeton trouvée pour {by}. Vérifiez le jeton, le numéro de facture ou le numéro de compteur.</translation>
    </message>
    <message>
        <source>Sale {bill} cannot be cancelled: it is {state}. Only an issued token sale can be cancelled, once.</source>
        <translation>La vente {bill} ne peut pas être annulée : elle est {state}. Seule une vente de jeton émise peut être annulée, une seule fois.</translation>
    </message>
    <message>
        <source>Sale {bill} is older than {days} days: its token can no longer be cancelled here. Ask the administrator.</source>
        <translation>La vente {bill} date de plus de {days} jours : son jeton ne peut plus être annulé ici. Adressez-vous à l'administrateur.</translation>
    </message>
    <message>
        <source>Sale {bill} cannot be cancelled: meter {meter} has had a later token since, so the cancelled token may already be in the meter.</source>
        <translation>La vente {bill} ne peut pas être annulée : le compteur {meter} a reçu un jeton plus récent depuis, le jeton annulé est donc peut-être déjà dans le compteur.</translation>
    </message>
    <message>
        <source>Give the reason for cancelling the token.</source>
        <translation>Indiquez la raison de l'annulation du jeton.</translation>
    </message>
    <message>
        <source>A replaced meter goes back to stock as scrap or for maintenance, not as {condition}.</source>
        <translation>Un compteur remplacé retourne en stock comme rebut ou pour maintenance, pas comme {condition}.</translation>
    </message>
    <message>
        <source>Meter {meter} is already {mode}. Choose the other pay type.</source>
        <translation>Le compteur {meter} est déjà en {mode}. Choisissez l'autre mode de paiement.</translation>
    </message>
    <message>
        <source>Meter {meter} is not installed at a customer under a live contract: its pay type cannot change. Register it to the customer first.</source>
        <translation>Le compteur {meter} n'est pas installé chez un client sous contrat en cours : son mode de paiement ne peut pas changer. Enregistrez-le d'abord chez le client.</translation>
    </message>
    <message>
        <source>Meter {meter} is a smart card meter: its pay type is written on its card by the card system, not changed here.</source>
        <translation>Le compteur {meter} est un compteur à carte : son mode de paiement est écrit sur sa carte par le système des cartes, il ne se change pas ici.</translation>
    </message>
    <message>
        <source>{amount} is not an amount of money: give 0 or more with at most {decimals} decimals.</source>
        <translation>{amount} n'est pas un montant : donnez 0 ou plus avec au plus {decimals} décimales.</translation>
    </message>
    <message>
        <source>A receivable amount belongs to a change to prepaid, a remain amount to a change to postpaid: leave the other at 0.</source>
        <translation>Une créance va avec un passage en prépayé, un reliquat avec un passage en post-payé : laissez l'autre à 0.</translation>
    </message>
    <message>
        <source>No payment change has the bill number {bill}. Check the number on the bill.</source>
        <translation>Aucun changement de mode de paiement ne porte le numéro de facture {bill}. Vérifiez le numéro sur la facture.</translation>
    </message>
    <message>
        <source>Meter {meter} has no token waiting for a replacement from bill {bill}. The head office lists it after both counters synced; sync and try again.</source>
        <translation>Le compteur {meter} n'a aucun jeton en attente de remplacement pour la facture {bill}. Le siège la liste une fois que les deux comptoirs se sont synchronisés : synchronisez et réessayez.</translation>
    </message>
    <message>
        <source>The token of bill {bill} was already replaced (token operation {replacement}): reprint that voucher instead.</source>
        <translation>Le jeton de la facture {bill} a déjà été remplacé (opération de jeton {replacement}) : réimprimez plutôt ce bon.</translation>
    </message>
    <message>
        <source>Bill {bill} was sold at terminal {terminal}: only that counter may replace its token, so it is replaced once.</source>
        <translation>La facture {bill} a été vendue au terminal {terminal} : seul ce comptoir peut remplacer son jeton, afin qu'il ne soit remplacé qu'une fois.</translation>
    </message>
</context>
<context>
    <name>tokenops</name>
    <message>
        <source>Old meter: {meter}, back to stock {condition}</source>
        <translation>Ancien compteur : {meter}, rendu au stock {condition}</translation>
    </message>
    <message>
        <source>as scrap</source>
        <translation>comme rebut</translation>
    </message>
    <message>
        <source>for maintenance</source>
        <translation>pour maintenance</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>Motif : {reason}</translation>
    </message>
    <message>
        <source>Remainder moved to the new meter: {kwh} kWh</source>
        <translation>Reliquat transféré au nouveau compteur : {kwh} kWh</translation>
    </message>
    <message>
        <source>No remainder to move to the new meter.</source>
        <translation>Aucun reliquat à transférer au nouveau compteur.</translation>
    </message>
    <message>
        <source>The remainder token is still being made: reprint this bill for it.</source>
        <translation>Le jeton du reliquat est encore en cours de création : réimprimez cette facture pour l'obtenir.</translation>
    </message>
    <message>
        <source>Enter the token on the new meter.</source>
        <translation>Saisissez le jeton sur le nouveau compteur.</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Monnaie rendue</translation>
    </message>
    <message>
        <source>The replacement bill {bill} was printed (print {count}).</source>
        <translation>La facture de remplacement {bill} a été imprimée (impression {count}).</translation>
    </message>
    <message>
        <source>Set maximum power limit</source>
        <translation>Limite de puissance maximale</translation>
    </message>
    <message>
        <source>Clear credit</source>
        <translation>Effacement du crédit</translation>
    </message>
    <message>
        <source>Set tariff rate</source>
        <translation>Taux tarifaire</translation>
    </message>
    <message>
        <source>Clear tamper condition</source>
        <translation>Effacement de la fraude</translation>
    </message>
    <message>
        <source>Set maximum phase power unbalance limit</source>
        <translation>Limite de déséquilibre de puissance entre phases</translation>
    </message>
    <message>
        <source>Set water meter factor</source>
        <translation>Facteur du compteur d'eau</translation>
    </message>
    <message>
        <source>Free credit</source>
        <translation>Crédit gratuit</translation>
    </message>
    <message>
        <source>Decoder key change</source>
        <translation>Changement de clé du décodeur</translation>
    </message>
    <message>
        <source>Test / display</source>
        <translation>Test / affichage</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>issued</source>
        <translation>émis</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>Enter the tokens in the order printed.</source>
        <translation>Saisissez les jetons dans l'ordre imprimé.</translation>
    </message>
    <message>
        <source>Token batch {batch}</source>
        <translation>Lot de jetons {batch}</translation>
    </message>
    <message>
        <source>{kind} - {count} meters: {issued} issued, {failed} failed, {waiting} waiting</source>
        <translation>{kind} - {count} compteurs : {issued} émis, {failed} en échec, {waiting} en attente</translation>
    </message>
    <message>
        <source>Password of operator {operator}: </source>
        <translation>Mot de passe de l'opérateur {operator} : </translation>
    </message>
    <message>
        <source>Make {count} token(s)? Type yes to go on: </source>
        <translation>Faire {count} jeton(s) ? Tapez oui pour continuer : </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>Nothing was made.</source>
        <translation>Rien n'a été fait.</translation>
    </message>
    <message>
        <source>{kind} for {count} meter(s) ({source}):</source>
        <translation>{kind} pour {count} compteur(s) ({source}) :</translation>
    </message>
    <message>
        <source>Left out ({count}):</source>
        <translation>Écartés ({count}) :</translation>
    </message>
    <message>
        <source>Free credit in all: {energy} kWh from the secure module.</source>
        <translation>Crédit gratuit au total : {energy} kWh pris sur le module de sécurité.</translation>
    </message>
    <message>
        <source>Batch {batch}: {issued} issued, {failed} failed, {waiting} waiting.</source>
        <translation>Lot {batch} : {issued} émis, {failed} en échec, {waiting} en attente.</translation>
    </message>
    <message>
        <source>Module {module}: {recovered} token operation(s) recovered with their tokens, {failed} failed, {returned} back in their batch (the module never made them).</source>
        <translation>Module {module} : {recovered} opération(s) sur jeton récupérée(s) avec leurs jetons, {failed} en échec, {returned} remise(s) dans leur lot (le module ne les a jamais faites).</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Jeton</translation>
    </message>
    <message>
        <source>Meter</source>
        <translation>Compteur</translation>
    </message>
    <message>
        <source>{count} meter(s) flagged for a key change at their next purchase.</source>
        <translation>{count} compteur(s) marqué(s) pour un changement de clé à leur prochain achat.</translation>
    </message>
    <message>
        <source>{count} meter(s) unflagged.</source>
        <translation>{count} compteur(s) démarqué(s).</translation>
    </message>
    <message>
        <source>Token cancel (0 energy)</source>
        <translation>Annulation de jeton (0 énergie)</translation>
    </message>
    <message>
        <source>Cancel bill</source>
        <translation>Facture d'annulation</translation>
    </message>
    <message>
        <source>Sale cancelled</source>
        <translation>Vente annulée</translation>
    </message>
    <message>
        <source>Zero-energy token</source>
        <translation>Jeton à énergie nulle</translation>
    </message>
    <message>
        <source>Sale amount</source>
        <translation>Montant de la vente</translation>
    </message>
    <message>
        <source>Token cancel charge</source>
        <translation>Frais d'annulation de jeton</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Remboursement</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>The customer enters the zero-energy token on the meter: it then refuses the cancelled token.</source>
        <translation>Le client saisit le jeton à énergie nulle sur le compteur : celui-ci refuse ensuite le jeton annulé.</translation>
    </message>
    <message>
        <source>Remainder credit (replaced meter)</source>
        <translation>Crédit restant (compteur remplacé)</translation>
    </message>
    <message>
        <source>Replacement bill</source>
        <translation>Facture de remplacement</translation>
    </message>
    <message>
        <source>Old meter</source>
        <translation>Ancien compteur</translation>
    </message>
    <message>
        <source>New meter</source>
        <translation>Nouveau compteur</translation>
    </message>
    <message>
        <source>Replacement charges</source>
        <translation>Frais de remplacement</translation>
    </message>
    <message>
        <source>Remainder (kWh)</source>
        <translation>Reste (kWh)</translation>
    </message>
    <message>
        <source>Remainder credit token</source>
        <translation>Jeton de crédit restant</translation>
    </message>
    <message>
        <source>Cancels sale {sale} ({amount} {currency}): {reason}</source>
        <translation>Annule la vente {sale} ({amount} {currency}) : {reason}</translation>
    </message>
    <message>
        <source>Token cancel charge: {charge} {currency}</source>
        <translation>Frais d'annulation de jeton : {charge} {currency}</translation>
    </message>
    <message>
        <source>Refund: {refund} {currency}</source>
        <translation>Remboursement : {refund} {currency}</translation>
    </message>
    <message>
        <source>Enter this token on the meter: it then refuses the cancelled token.</source>
        <translation>Saisissez ce jeton sur le compteur : il refuse ensuite le jeton annulé.</translation>
    </message>
    <message>
        <source>Payment change bill</source>
        <translation>Facture de changement de mode de paiement</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Pay type before</source>
        <translation>Mode de paiement avant</translation>
    </message>
    <message>
        <source>Pay type now</source>
        <translation>Mode de paiement maintenant</translation>
    </message>
    <message>
        <source>Prearrange amount</source>
        <translation>Montant préétabli</translation>
    </message>
    <message>
        <source>Receivable amount</source>
        <translation>Créance (dette post-payée)</translation>
    </message>
    <message>
        <source>Remain amount</source>
        <translation>Reliquat</translation>
    </message>
    <message>
        <source>The amounts are settled on the meter's next purchase.</source>
        <translation>Les montants sont réglés au prochain achat du compteur.</translation>
    </message>
    <message>
        <source>prepaid</source>
        <translation>prépayé</translation>
    </message>
    <message>
        <source>postpaid</source>
        <translation>post-payé</translation>
    </message>
    <message>
        <source>Pay type before: {mode}</source>
        <translation>Mode de paiement avant : {mode}</translation>
    </message>
    <message>
        <source>Pay type now: {mode}</source>
        <translation>Mode de paiement maintenant : {mode}</translation>
    </message>
    <message>
        <source>Remark: {remark}</source>
        <translation>Remarque : {remark}</translation>
    </message>
    <message>
        <source>Nothing is due at the meter's next purchase.</source>
        <translation>Rien n'est dû au prochain achat du compteur.</translation>
    </message>
    <message>
        <source>The bill of payment change {bill} was printed (print {count}).</source>
        <translation>La facture du changement de mode de paiement {bill} a été imprimée (impression {count}).</translation>
    </message>
    <message>
        <source>The remainder is on card {serial}: insert it in the new meter.</source>
        <translation>Le reliquat est sur la carte {serial} : insérez-la dans le nouveau compteur.</translation>
    </message>
    <message>
        <source>The remainder is not on a card yet: replace again with a blank card to finish.</source>
        <translation>Le reliquat n'est pas encore sur une carte : refaites le remplacement avec une carte vierge pour terminer.</translation>
    </message>
    <message>
        <source>Replacement token (TID collision)</source>
        <translation>Jeton de remplacement (collision de TID)</translation>
    </message>
    <message>
        <source>Replacement for bill {bill}</source>
        <translation>Remplacement de la facture {bill}</translation>
    </message>
    <message>
        <source>Replacement for bill</source>
        <translation>Remplacement de la facture</translation>
    </message>
    <message>
        <source>Energy (kWh)</source>
        <translation>Énergie (kWh)</translation>
    </message>
    <message>
        <source>Replacement token</source>
        <translation>Jeton de remplacement</translation>
    </message>
    <message>
        <source>Meter {meter}: the token of bill {bill} ({amount}, {energy} kWh, sold at {terminal}) needs a replacement</source>
        <translation>Compteur {meter} : le jeton de la facture {bill} ({amount}, {energy} kWh, vendu à {terminal}) doit être remplacé</translation>
    </message>
    <message>
        <source>No token needs a replacement.</source>
        <translation>Aucun jeton n'est à remplacer.</translation>
    </message>
    <message>
        <source>The customer enters the replacement token instead of the refused one.</source>
        <translation>Le client saisit le jeton de remplacement à la place du jeton refusé.</translation>
    </message>
</context>
<context>
    <name>voucher</name>
    <message>
        <source>Meter replacement</source>
        <translation>Remplacement de compteur</translation>
    </message>
    <message>
        <source>Charges</source>
        <translation>Frais</translation>
    </message>
    <message>
        <source>Test token</source>
        <translation>Jeton de test</translation>
    </message>
    <message>
        <source>Key change token 1 of 4</source>
        <translation>Jeton de changement de clé 1 sur 4</translation>
    </message>
    <message>
        <source>Key change token 2 of 4</source>
        <translation>Jeton de changement de clé 2 sur 4</translation>
    </message>
    <message>
        <source>Key change token 3 of 4</source>
        <translation>Jeton de changement de clé 3 sur 4</translation>
    </message>
    <message>
        <source>Key change token 4 of 4</source>
        <translation>Jeton de changement de clé 4 sur 4</translation>
    </message>
    <message>
        <source>Payment change</source>
        <translation>Changement de mode de paiement</translation>
    </message>
    <message>
        <source>Receivable amount</source>
        <translation>Créance (dette post-payée)</translation>
    </message>
    <message>
        <source>Remain amount returned</source>
        <translation>Reliquat rendu</translation>
    </message>
</context>
</TS>
