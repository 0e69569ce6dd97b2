<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>errors</name>
    <message>
        <source>Terminal {terminal} stands at sales point {terminal_sales_point}, not at {sales_point}: open the shift there, or ask an administrator to move the terminal.</source>
        <translation>Le terminal {terminal} est au point de vente {terminal_sales_point}, pas à {sales_point} : ouvrez le poste là-bas, ou demandez à un administrateur de déplacer le terminal.</translation>
    </message>
    <message>
        <source>{amount} is not a valid amount here: give a positive amount with at most {decimals} decimals.</source>
        <translation>{amount} n'est pas un montant valable ici : indiquez un montant positif avec au plus {decimals} décimales.</translation>
    </message>
    <message>
        <source>The day {day} of {sales_point} is already closed.</source>
        <translation>La journée du {day} de {sales_point} est déjà clôturée.</translation>
    </message>
    <message>
        <source>{denomination} is not a note or coin of this drawer ({known}), or its count {count} is not a whole number of 0 or more.</source>
        <translation>{denomination} n'est pas un billet ou une pièce de ce tiroir ({known}), ou son nombre {count} n'est pas un entier positif ou nul.</translation>
    </message>
    <message>
        <source>The float limit of {scope} ({limit}) is reached: {taken} taken since the last close, {net} more would pass it. A supervisor must close the shift and hand the cash over before selling again.</source>
        <translation>Le plafond d'encaisse de {scope} ({limit}) est atteint : {taken} encaissés depuis la dernière clôture, {net} de plus le dépasseraient. Un superviseur doit clôturer le poste et remettre l'argent avant de vendre à nouveau.</translation>
    </message>
    <message>
        <source>{operator} has no open shift on {till}. Open a shift (with its float) first, then sell.</source>
        <translation>{operator} n'a pas de poste ouvert sur {till}. Ouvrez d'abord un poste (avec son fonds de caisse), puis vendez.</translation>
    </message>
    <message>
        <source>No shift is open on {till}: a refund now would leave no drawer. Open a shift (with its float) first, then cancel.</source>
        <translation>Aucun poste n'est ouvert sur {till} : un remboursement maintenant ne sortirait d'aucun tiroir. Ouvrez d'abord un poste (avec son fonds de caisse), puis annulez.</translation>
    </message>
    <message>
        <source>Shift {shift} on {till} is counted and waits for its close: a refund now would leave a drawer already counted. Close the shift first, then open the next one and cancel.</source>
        <translation>Le poste {shift} sur {till} est compté et attend sa clôture : un remboursement maintenant sortirait d'un tiroir déjà compté. Clôturez d'abord le poste, puis ouvrez le suivant et annulez.</translation>
    </message>
    <message>
        <source>The day of {sales_point} cannot be closed: {count} shift(s) are not closed yet ({shifts}). Close them first.</source>
        <translation>La journée de {sales_point} ne peut pas être clôturée : {count} poste(s) ne sont pas encore clôturés ({shifts}). Clôturez-les d'abord.</translation>
    </message>
    <message>
        <source>Say why ({action}): a reason is required and goes on the record.</source>
        <translation>Indiquez pourquoi ({action}) : un motif est obligatoire et figure dans l'enregistrement.</translation>
    </message>
    <message>
        <source>{operator} counted shift {shift}, so another operator with the close permission must close it (or an administrator allows one-person closes).</source>
        <translation>{operator} a compté le poste {shift} : un autre opérateur ayant le droit de clôture doit le clôturer (ou un administrateur autorise la clôture par une seule personne).</translation>
    </message>
    <message>
        <source>{operator} already has shift {shift} on {till} ({state}). Use it, or close it.</source>
        <translation>{operator} a déjà le poste {shift} sur {till} ({state}). Utilisez-le ou clôturez-le.</translation>
    </message>
    <message>
        <source>The shift action could not be completed.</source>
        <translation>L'opération sur le poste n'a pas pu aboutir.</translation>
    </message>
    <message>
        <source>Shift {shift} has {count} sale(s) still waiting for the secure module. Settle them first: starpos vend recover.</source>
        <translation>Le poste {shift} a {count} vente(s) encore en attente du module de sécurité. Réglez-les d'abord : starpos vend recover.</translation>
    </message>
    <message>
        <source>Shift {shift} is {state}: it cannot be {action} now.</source>
        <translation>Le poste {shift} est {state} : impossible de le faire maintenant ({action}).</translation>
    </message>
    <message>
        <source>There is no bank {bank}. Known: {known}.</source>
        <translation>Il n'y a pas de banque {bank}. Connues : {known}.</translation>
    </message>
    <message>
        <source>A payment by {payment} pays exactly the charges of {due}: change is given in cash only. Take {due} by {payment}, or take the payment in cash.</source>
        <translation>Un paiement par {payment} règle exactement les frais de {due} : la monnaie n'est rendue qu'en espèces. Encaissez {due} par {payment}, ou encaissez en espèces.</translation>
    </message>
    <message>
        <source>There is no payment method {payment}. Known: {known}.</source>
        <translation>Il n'y a pas de mode de paiement {payment}. Connus : {known}.</translation>
    </message>
    <message>
        <source>There is no sales point {sales_point}. Check the terminal's configuration.</source>
        <translation>Il n'y a pas de point de vente {sales_point}. Vérifiez la configuration du terminal.</translation>
    </message>
    <message>
        <source>There is no shift {shift}. starpos shift list shows the shifts.</source>
        <translation>Il n'y a pas de poste {shift}. starpos shift list affiche les postes.</translation>
    </message>
    <message>
        <source>There is no terminal {terminal}. Check the terminal's configuration.</source>
        <translation>Il n'y a pas de terminal {terminal}. Vérifiez la configuration du terminal.</translation>
    </message>
    <message>
        <source>There is no Z {number} on {till}. starpos shift z --list shows them.</source>
        <translation>Il n'y a pas de Z {number} sur {till}. starpos shift z --list les affiche.</translation>
    </message>
    <message>
        <source>The count differs from the expected by {variance} (threshold {threshold}). Recount, or approve the difference with a reason.</source>
        <translation>Le comptage diffère du montant attendu de {variance} (seuil {threshold}). Recomptez, ou approuvez l'écart avec un motif.</translation>
    </message>
    <message>
        <source>The Z reports have been tampered with: {count} problem(s), the first at Z {number} of {till}. Keep a copy of the database and tell the administrator; starpos shift verify --json lists every problem.</source>
        <translation>Les rapports Z ont été falsifiés : {count} problème(s), le premier au Z {number} de {till}. Gardez une copie de la base et prévenez l'administrateur ; starpos shift verify --json liste chaque problème.</translation>
    </message>
    <message>
        <source>{operator} has no shift on {till} that is not closed. Give --shift, or open one.</source>
        <translation>{operator} n'a pas de poste non clôturé sur {till}. Indiquez --shift, ou ouvrez-en un.</translation>
    </message>
    <message>
        <source>There is no operator {operator}.</source>
        <translation>Il n'y a pas d'opérateur {operator}.</translation>
    </message>
    <message>
        <source>The day {day} of {sales_point} has not come yet (today is {today} at the utility): a day is closed on that day or after it.</source>
        <translation>La journée du {day} de {sales_point} n'est pas encore arrivée (nous sommes le {today} chez le distributeur) : une journée se clôture ce jour-là ou après.</translation>
    </message>
    <message>
        <source>The day {day} of {sales_point} is not closed: only a closed day is reprinted. starpos shift days lists the days closed.</source>
        <translation>La journée du {day} de {sales_point} n'est pas clôturée : seule une journée clôturée se réimprime. starpos shift days liste les journées clôturées.</translation>
    </message>
</context>
<context>
    <name>shifts</name>
    <message>
        <source>X REPORT</source>
        <translation>RAPPORT X</translation>
    </message>
    <message>
        <source>NOT A CLOSE</source>
        <translation>PAS UNE CLÔTURE</translation>
    </message>
    <message>
        <source>Z REPORT No. {number}</source>
        <translation>RAPPORT Z N° {number}</translation>
    </message>
    <message>
        <source>Z CORRECTION No. {number} (corrects Z {corrects})</source>
        <translation>Z RECTIFICATIF N° {number} (rectifie le Z {corrects})</translation>
    </message>
    <message>
        <source>DUPLICATE</source>
        <translation>DUPLICATA</translation>
    </message>
    <message>
        <source>Till {till}</source>
        <translation>Caisse {till}</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Poste</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Caissier</translation>
    </message>
    <message>
        <source>Closed by</source>
        <translation>Clôturé par</translation>
    </message>
    <message>
        <source>Sales point</source>
        <translation>Point de vente</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Ouvert</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Compté</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Clôturé</translation>
    </message>
    <message>
        <source>Sales by payment method</source>
        <translation>Ventes par mode de paiement</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Ventes</translation>
    </message>
    <message>
        <source>Net sales</source>
        <translation>Ventes nettes</translation>
    </message>
    <message>
        <source>Energy sold (kWh)</source>
        <translation>Énergie vendue (kWh)</translation>
    </message>
    <message>
        <source>Tokens issued</source>
        <translation>Jetons émis</translation>
    </message>
    <message>
        <source>Smart card sales ({count})</source>
        <translation>Ventes sur carte ({count})</translation>
    </message>
    <message>
        <source>Cancels and refunds ({count})</source>
        <translation>Annulations et remboursements ({count})</translation>
    </message>
    <message>
        <source>Cancelled sales</source>
        <translation>Ventes annulées</translation>
    </message>
    <message>
        <source>Cancel charges kept</source>
        <translation>Frais d'annulation retenus</translation>
    </message>
    <message>
        <source>Energy voided (kWh)</source>
        <translation>Énergie annulée (kWh)</translation>
    </message>
    <message>
        <source>Refunded in cash</source>
        <translation>Remboursé en espèces</translation>
    </message>
    <message>
        <source>Failed sales (no credit)</source>
        <translation>Ventes échouées (sans crédit)</translation>
    </message>
    <message>
        <source>Cash drawer</source>
        <translation>Tiroir-caisse</translation>
    </message>
    <message>
        <source>Opening float</source>
        <translation>Fonds de caisse</translation>
    </message>
    <message>
        <source>Expected cash in drawer</source>
        <translation>Espèces attendues en caisse</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Comptage</translation>
    </message>
    <message>
        <source>expected</source>
        <translation>attendu</translation>
    </message>
    <message>
        <source>counted</source>
        <translation>compté</translation>
    </message>
    <message>
        <source>variance</source>
        <translation>écart</translation>
    </message>
    <message>
        <source>Total variance</source>
        <translation>Écart total</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Grand totals of the till (never reset)</source>
        <translation>Totaux perpétuels de la caisse (jamais remis à zéro)</translation>
    </message>
    <message>
        <source>Energy (kWh)</source>
        <translation>Énergie (kWh)</translation>
    </message>
    <message>
        <source>Audit chain at the close: entry {entry}</source>
        <translation>Chaîne d'audit à la clôture : entrée {entry}</translation>
    </message>
    <message>
        <source>Z hash</source>
        <translation>Empreinte du Z</translation>
    </message>
    <message>
        <source>Previous Z</source>
        <translation>Z précédent</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Établi</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Signature: ____________________</source>
        <translation>Signature : ____________________</translation>
    </message>
    <message>
        <source>Cash drop</source>
        <translation>Dépôt au coffre</translation>
    </message>
    <message>
        <source>Cash pick-up</source>
        <translation>Prélèvement de caisse</translation>
    </message>
    <message>
        <source>Paid in</source>
        <translation>Entrée de caisse</translation>
    </message>
    <message>
        <source>Paid out</source>
        <translation>Sortie de caisse</translation>
    </message>
    <message>
        <source>Drawer opened</source>
        <translation>Tiroir ouvert</translation>
    </message>
    <message>
        <source>{count} Z report(s) checked: the chain is intact.</source>
        <translation>{count} rapport(s) Z vérifié(s) : la chaîne est intacte.</translation>
    </message>
    <message>
        <source>&amp;Close shift and make the Z</source>
        <translation>&amp;Clôturer le poste et établir le Z</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>&amp;Imprimer</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Se connecter</translation>
    </message>
    <message>
        <source>A supervisor closes shift {shift}: sign in to compare the count.</source>
        <translation>Un superviseur clôture le poste {shift} : connectez-vous pour comparer le comptage.</translation>
    </message>
    <message>
        <source>Above the threshold ({threshold}): give the reason you approve it.</source>
        <translation>Au-dessus du seuil ({threshold}) : indiquez pourquoi vous l'approuvez.</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <source>Cash drop…</source>
        <translation>Dépôt au coffre…</translation>
    </message>
    <message>
        <source>Close shift (supervisor)…</source>
        <translation>Clôturer le poste (superviseur)…</translation>
    </message>
    <message>
        <source>Close the shift (supervisor)</source>
        <translation>Clôturer le poste (superviseur)</translation>
    </message>
    <message>
        <source>Count the opening float in the drawer of {till}, note by note.</source>
        <translation>Comptez le fonds de caisse du tiroir de {till}, billet par billet.</translation>
    </message>
    <message>
        <source>Count what is in the drawer (shift {shift}). The expected amounts are not shown: the supervisor compares them when closing.</source>
        <translation>Comptez ce que contient le tiroir (poste {shift}). Les montants attendus ne sont pas affichés : le superviseur les compare à la clôture.</translation>
    </message>
    <message>
        <source>End of shift: count the drawer</source>
        <translation>Fin de poste : comptez le tiroir</translation>
    </message>
    <message>
        <source>End shift (count the drawer)…</source>
        <translation>Fin de poste (compter le tiroir)…</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Attendu</translation>
    </message>
    <message>
        <source>No open shift</source>
        <translation>Aucun poste ouvert</translation>
    </message>
    <message>
        <source>Open a shift</source>
        <translation>Ouvrir un poste</translation>
    </message>
    <message>
        <source>Open a shift now?</source>
        <translation>Ouvrir un poste maintenant ?</translation>
    </message>
    <message>
        <source>Open shift…</source>
        <translation>Ouvrir le poste…</translation>
    </message>
    <message>
        <source>Open the drawer…</source>
        <translation>Ouvrir le tiroir…</translation>
    </message>
    <message>
        <source>Other payment methods (totals)</source>
        <translation>Autres modes de paiement (totaux)</translation>
    </message>
    <message>
        <source>Paid in…</source>
        <translation>Entrée de caisse…</translation>
    </message>
    <message>
        <source>Paid out…</source>
        <translation>Sortie de caisse…</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <source>Reason for the difference</source>
        <translation>Motif de l'écart</translation>
    </message>
    <message>
        <source>S&amp;hift</source>
        <translation>&amp;Poste</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Enregistrer en P&amp;DF…</translation>
    </message>
    <message>
        <source>Save the Z as PDF</source>
        <translation>Enregistrer le Z en PDF</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Superviseur</translation>
    </message>
    <message>
        <source>There is no shift open on this till.</source>
        <translation>Aucun poste n'est ouvert sur cette caisse.</translation>
    </message>
    <message>
        <source>Total counted: {total}</source>
        <translation>Total compté : {total}</translation>
    </message>
    <message>
        <source>Total variance: {variance}</source>
        <translation>Écart total : {variance}</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>Écart</translation>
    </message>
    <message>
        <source>X report</source>
        <translation>Rapport X</translation>
    </message>
    <message>
        <source>Cancels ({count}), refunded</source>
        <translation>Annulations ({count}), remboursé</translation>
    </message>
    <message>
        <source>&amp;Correct…</source>
        <translation>&amp;Corriger…</translation>
    </message>
    <message>
        <source>&amp;Reprint (DUPLICATE)</source>
        <translation>&amp;Réimprimer (DUPLICATA)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Voir</translation>
    </message>
    <message>
        <source>Cash pick-up…</source>
        <translation>Prélèvement d’espèces…</translation>
    </message>
    <message>
        <source>Close the &amp;day</source>
        <translation>Clôturer la &amp;journée</translation>
    </message>
    <message>
        <source>Closed at</source>
        <translation>Clôturé le</translation>
    </message>
    <message>
        <source>Correct Z {number}</source>
        <translation>Corriger le Z {number}</translation>
    </message>
    <message>
        <source>Corrections</source>
        <translation>Corrections</translation>
    </message>
    <message>
        <source>DAY CLOSE</source>
        <translation>CLÔTURE DE LA JOURNÉE</translation>
    </message>
    <message>
        <source>Day close</source>
        <translation>Clôture de la journée</translation>
    </message>
    <message>
        <source>Day close…</source>
        <translation>Clôture de la journée…</translation>
    </message>
    <message>
        <source>Energy and the secure module</source>
        <translation>Énergie et module de sécurité</translation>
    </message>
    <message>
        <source>Every shift of the day is closed. Close the day and print it?</source>
        <translation>Tous les services de la journée sont clôturés. Clôturer la journée et l’imprimer ?</translation>
    </message>
    <message>
        <source>Module credit used (kWh)</source>
        <translation>Crédit du module utilisé (kWh)</translation>
    </message>
    <message>
        <source>NOT CLOSED YET</source>
        <translation>PAS ENCORE CLÔTURÉE</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Per operator</source>
        <translation>Par opérateur</translation>
    </message>
    <message>
        <source>Per till</source>
        <translation>Par caisse</translation>
    </message>
    <message>
        <source>Prints</source>
        <translation>Impressions</translation>
    </message>
    <message>
        <source>Sales point {sales_point}, {date}</source>
        <translation>Point de vente {sales_point}, {date}</translation>
    </message>
    <message>
        <source>Shifts closed</source>
        <translation>Services clôturés</translation>
    </message>
    <message>
        <source>Sold without module credit (kWh)</source>
        <translation>Vendu sans crédit du module (kWh)</translation>
    </message>
    <message>
        <source>The day cannot be closed while a shift of it is not closed: the shifts below must be counted and closed first.</source>
        <translation>La journée ne peut pas être clôturée tant qu’un de ses services ne l’est pas : les services ci-dessous doivent d’abord être comptés et clôturés.</translation>
    </message>
    <message>
        <source>This day is closed already.</source>
        <translation>Cette journée est déjà clôturée.</translation>
    </message>
    <message>
        <source>This till has no Z report yet.</source>
        <translation>Cette caisse n’a pas encore de rapport Z.</translation>
    </message>
    <message>
        <source>Z reports of till {till}</source>
        <translation>Rapports Z de la caisse {till}</translation>
    </message>
    <message>
        <source>Z reports…</source>
        <translation>Rapports Z…</translation>
    </message>
    <message>
        <source>Z {number} stays as it was: the correction is a new Z that refers to it. Give the amounts as they should have been counted and why.</source>
        <translation>Le Z {number} reste tel quel : la correction est un nouveau Z qui y renvoie. Indiquez les montants tels qu’ils auraient dû être comptés, et pourquoi.</translation>
    </message>
    <message>
        <source>corrected by Z {numbers}</source>
        <translation>corrigé par le Z {numbers}</translation>
    </message>
    <message>
        <source>corrects Z {number}</source>
        <translation>corrige le Z {number}</translation>
    </message>
    <message>
        <source>{count} Z reports. Arrows choose one, Enter shows it.</source>
        <translation>{count} rapports Z. Les flèches en choisissent un, Entrée l’affiche.</translation>
    </message>
    <message>
        <source>{name}: Z {numbers}</source>
        <translation>{name} : Z {numbers}</translation>
    </message>
    <message>
        <source>expected {expected}, counted {counted}</source>
        <translation>attendu {expected}, compté {counted}</translation>
    </message>
    <message>
        <source>&amp;Set the limit</source>
        <translation>&amp;Enregistrer la limite</translation>
    </message>
    <message>
        <source>Business d&amp;ay</source>
        <translation>Jour d'&amp;activité</translation>
    </message>
    <message>
        <source>Closed {at} by {operator}</source>
        <translation>Clôturée le {at} par {operator}</translation>
    </message>
    <message>
        <source>Float limits</source>
        <translation>Plafonds d'encaisse</translation>
    </message>
    <message>
        <source>Float limits…</source>
        <translation>Plafonds d'encaisse…</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Reste</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Plafond</translation>
    </message>
    <message>
        <source>Limit of</source>
        <translation>Plafond de</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>New &amp;limit for {who}</source>
        <translation>Nouvelle &amp;limite pour {who}</translation>
    </message>
    <message>
        <source>Only an administrator (edit base data) sets the limits.</source>
        <translation>Seul un administrateur (modification des données de base) fixe les plafonds.</translation>
    </message>
    <message>
        <source>Operator {code}</source>
        <translation>Opérateur {code}</translation>
    </message>
    <message>
        <source>Reading the day…</source>
        <translation>Lecture de la journée…</translation>
    </message>
    <message>
        <source>Sales point {code}</source>
        <translation>Point de vente {code}</translation>
    </message>
    <message>
        <source>Sales since the last close count against the limit of the sales point and of the operator; at the limit, selling stops until a close hands the cash over. Arrows choose a row, Enter goes to its new limit.</source>
        <translation>Les ventes depuis la dernière clôture comptent dans le plafond du point de vente et dans celui de l'opérateur ; au plafond, la vente s'arrête jusqu'à ce qu'une clôture remette l'argent. Les flèches choisissent une ligne, Entrée passe à son nouveau plafond.</translation>
    </message>
    <message>
        <source>Save as PD&amp;F…</source>
        <translation>Enregistrer en P&amp;DF…</translation>
    </message>
    <message>
        <source>Save the day close as PDF</source>
        <translation>Enregistrer la clôture de la journée en PDF</translation>
    </message>
    <message>
        <source>This day is closed already: below is its close as it was recorded.</source>
        <translation>Cette journée est déjà clôturée : voici sa clôture telle qu'elle a été enregistrée.</translation>
    </message>
    <message>
        <source>Used since the last close</source>
        <translation>Utilisé depuis la dernière clôture</translation>
    </message>
    <message>
        <source>empty: no limit</source>
        <translation>vide : pas de plafond</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>pas de plafond</translation>
    </message>
    <message>
        <source>{sales_point} (no terminal)</source>
        <translation>{sales_point} (sans terminal)</translation>
    </message>
    <message>
        <source>Not closed: shift {shift} of {cashier} on {till}, still open</source>
        <translation>Non clôturé : service {shift} de {cashier} sur {till}, encore ouvert</translation>
    </message>
    <message>
        <source>Not closed: shift {shift} of {cashier} on {till}, counted but not closed</source>
        <translation>Non clôturé : service {shift} de {cashier} sur {till}, compté mais pas clôturé</translation>
    </message>
    <message>
        <source>{who} has no limit already: nothing was changed.</source>
        <translation>{who} n'a déjà pas de plafond : rien n'a été modifié.</translation>
    </message>
    <message>
        <source>The limit of {who} is {limit} already: nothing was changed.</source>
        <translation>Le plafond de {who} est déjà {limit} : rien n'a été modifié.</translation>
    </message>
    <message numerus="yes">
        <source>Its close was printed {count} times: a new print says DUPLICATE.</source>
        <translation>
            <numerusform>Sa clôture a été imprimée {count} fois : une nouvelle impression porte la mention DUPLICATA.</numerusform>
            <numerusform>Sa clôture a été imprimée {count} fois : une nouvelle impression porte la mention DUPLICATA.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Print a copy (DUPLICATE)</source>
        <translation>&amp;Imprimer une copie (DUPLICATA)</translation>
    </message>
    <message>
        <source>Bill charges paid by {payment} ({count})</source>
        <translation>Frais de factures payés par {payment} ({count})</translation>
    </message>
</context>
</TS>
