<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>carddesk</name>
    <message>
        <source>&amp;Broken</source>
        <translation>Ca&amp;ssée</translation>
    </message>
    <message>
        <source>&amp;Flagged only (all meters)</source>
        <translation>&amp;Signalés seulement (tous les compteurs)</translation>
    </message>
    <message>
        <source>&amp;Lost</source>
        <translation>&amp;Perdue</translation>
    </message>
    <message>
        <source>&amp;Meter number</source>
        <translation>Numéro de &amp;compteur</translation>
    </message>
    <message>
        <source>&amp;Meter number (a card meter without a card)</source>
        <translation>Numéro de &amp;compteur (un compteur à carte sans carte)</translation>
    </message>
    <message>
        <source>&amp;Meter number (its card is lost or broken)</source>
        <translation>Numéro de &amp;compteur (sa carte est perdue ou cassée)</translation>
    </message>
    <message>
        <source>Blank a card</source>
        <translation>Vider une carte</translation>
    </message>
    <message>
        <source>Blank a card…</source>
        <translation>Vider une carte…</translation>
    </message>
    <message>
        <source>Blank card: it can be issued to a meter.</source>
        <translation>Carte vierge : elle peut être émise pour un compteur.</translation>
    </message>
    <message>
        <source>Blank the card (Enter)</source>
        <translation>Vider la carte (Entrée)</translation>
    </message>
    <message>
        <source>Bound to</source>
        <translation>Liée à</translation>
    </message>
    <message>
        <source>C&amp;ards</source>
        <translation>C&amp;artes</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Card in the reader</source>
        <translation>Carte dans le lecteur</translation>
    </message>
    <message>
        <source>Card {old} is refused from now on.</source>
        <translation>La carte {old} est refusée désormais.</translation>
    </message>
    <message>
        <source>Card {serial} issued to meter {meter} (issue {issue}).</source>
        <translation>Carte {serial} émise pour le compteur {meter} (émission {issue}).</translation>
    </message>
    <message>
        <source>Card {serial} of meter {meter} is blank now.</source>
        <translation>La carte {serial} du compteur {meter} est maintenant vierge.</translation>
    </message>
    <message>
        <source>Card {serial} was already blank.</source>
        <translation>La carte {serial} était déjà vierge.</translation>
    </message>
    <message>
        <source>Carried onto the new card: {energy} kWh of sale {bill} (the meter loads it once, from whichever card it sees first).</source>
        <translation>Reporté sur la nouvelle carte : {energy} kWh de la vente {bill} (le compteur le charge une seule fois, depuis la première carte qu'il voit).</translation>
    </message>
    <message>
        <source>Credit not loaded</source>
        <translation>Crédit non chargé</translation>
    </message>
    <message>
        <source>Cumulative (kWh)</source>
        <translation>Cumul (kWh)</translation>
    </message>
    <message>
        <source>Discarded: {energy} kWh of sale {bill} (written in the audit log).</source>
        <translation>Abandonné : {energy} kWh de la vente {bill} (inscrit au journal d'audit).</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Signalé</translation>
    </message>
    <message>
        <source>Issue a card</source>
        <translation>Émettre une carte</translation>
    </message>
    <message>
        <source>Issue a card…</source>
        <translation>Émettre une carte…</translation>
    </message>
    <message>
        <source>Issue the card (Enter)</source>
        <translation>Émettre la carte (Entrée)</translation>
    </message>
    <message>
        <source>Issued card, not in this point of sale's card register</source>
        <translation>Carte émise, absente du registre des cartes de ce point de vente</translation>
    </message>
    <message>
        <source>Issued card, {state} in the card register</source>
        <translation>Carte émise, {state} dans le registre des cartes</translation>
    </message>
    <message>
        <source>Meter</source>
        <translation>Compteur</translation>
    </message>
    <message>
        <source>Meter clock</source>
        <translation>Horloge du compteur</translation>
    </message>
    <message>
        <source>Meter data from cards</source>
        <translation>Données des compteurs rapportées par les cartes</translation>
    </message>
    <message>
        <source>Meter data from cards…</source>
        <translation>Données des compteurs rapportées par les cartes…</translation>
    </message>
    <message>
        <source>No card has brought back data from meter {meter} yet.</source>
        <translation>Aucune carte n'a encore rapporté de données du compteur {meter}.</translation>
    </message>
    <message>
        <source>No card in the reader. Insert the card.</source>
        <translation>Aucune carte dans le lecteur. Insérez la carte.</translation>
    </message>
    <message>
        <source>No credit to carry: the meter loaded all it was sold.</source>
        <translation>Aucun crédit à reporter : le compteur a chargé tout ce qui lui a été vendu.</translation>
    </message>
    <message>
        <source>Nothing was changed: the card keeps its credit.</source>
        <translation>Rien n'a été modifié : la carte garde son crédit.</translation>
    </message>
    <message>
        <source>Overloads</source>
        <translation>Surcharges</translation>
    </message>
    <message>
        <source>Power cuts</source>
        <translation>Coupures</translation>
    </message>
    <message>
        <source>Read at</source>
        <translation>Lu le</translation>
    </message>
    <message>
        <source>Reading the card…</source>
        <translation>Lecture de la carte…</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Motif :</translation>
    </message>
    <message>
        <source>Remaining (kWh)</source>
        <translation>Restant (kWh)</translation>
    </message>
    <message>
        <source>Replace a card</source>
        <translation>Remplacer une carte</translation>
    </message>
    <message>
        <source>Replace a card…</source>
        <translation>Remplacer une carte…</translation>
    </message>
    <message>
        <source>Replace the card (Enter)</source>
        <translation>Remplacer la carte (Entrée)</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Numéro de série</translation>
    </message>
    <message>
        <source>Tamper</source>
        <translation>Fraude</translation>
    </message>
    <message>
        <source>The card still carries {energy} kWh (sale {bill}) that its meter has not loaded. Blanking it discards that credit: the customer loses it. Insert the card in the meter first, or replace the card to carry the credit over.

Discard the credit and blank the card?</source>
        <translation>La carte porte encore {energy} kWh (vente {bill}) que son compteur n'a pas chargés. La vider abandonne ce crédit : le client le perd. Insérez d'abord la carte dans le compteur, ou remplacez la carte pour reporter le crédit.

Abandonner le crédit et vider la carte ?</translation>
    </message>
    <message>
        <source>This card cannot be read.</source>
        <translation>Cette carte ne peut pas être lue.</translation>
    </message>
    <message>
        <source>Type a meter number to see what its cards brought back.</source>
        <translation>Tapez un numéro de compteur pour voir ce que ses cartes ont rapporté.</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Alerte</translation>
    </message>
    <message>
        <source>Working on the card… keep it in the reader.</source>
        <translation>Travail sur la carte… laissez-la dans le lecteur.</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>blanked</source>
        <translation>vidée</translation>
    </message>
    <message>
        <source>cover opened</source>
        <translation>capot ouvert</translation>
    </message>
    <message>
        <source>low credit</source>
        <translation>crédit faible</translation>
    </message>
    <message>
        <source>magnetic field</source>
        <translation>champ magnétique</translation>
    </message>
    <message>
        <source>manage meters</source>
        <translation>gestion des compteurs</translation>
    </message>
    <message>
        <source>meter {meter}, issue {issue}</source>
        <translation>compteur {meter}, émission {issue}</translation>
    </message>
    <message>
        <source>no meter</source>
        <translation>aucun compteur</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>none: the meter loaded all credit</source>
        <translation>aucun : le compteur a chargé tout le crédit</translation>
    </message>
    <message>
        <source>older data than before</source>
        <translation>données plus anciennes qu'avant</translation>
    </message>
    <message>
        <source>overload</source>
        <translation>surcharge</translation>
    </message>
    <message>
        <source>refund</source>
        <translation>remboursement</translation>
    </message>
    <message>
        <source>replace meter</source>
        <translation>remplacement de compteur</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>remplacée</translation>
    </message>
    <message>
        <source>reported lost</source>
        <translation>déclarée perdue</translation>
    </message>
    <message>
        <source>reverse current</source>
        <translation>courant inverse</translation>
    </message>
    <message>
        <source>tamper</source>
        <translation>fraude</translation>
    </message>
    <message>
        <source>very low credit</source>
        <translation>crédit très faible</translation>
    </message>
    <message>
        <source>view reports</source>
        <translation>consultation des rapports</translation>
    </message>
    <message>
        <source>{count} flagged readings, all meters, newest first.</source>
        <translation>{count} relevés signalés, tous les compteurs, du plus récent au plus ancien.</translation>
    </message>
    <message>
        <source>{count} readings of meter {meter}, newest first; {flagged} flagged.</source>
        <translation>{count} relevés du compteur {meter}, du plus récent au plus ancien ; {flagged} signalés.</translation>
    </message>
    <message>
        <source>{energy} kWh (sale {bill}), waiting for the meter</source>
        <translation>{energy} kWh (vente {bill}), en attente du compteur</translation>
    </message>
    <message>
        <source>{total} ({new} new)</source>
        <translation>{total} ({new} nouveaux)</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>A sale is in progress. Wait until it has finished, then open the card desk again.</source>
        <translation>Une vente est en cours. Attendez qu'elle soit terminée, puis rouvrez le guichet des cartes.</translation>
    </message>
    <message>
        <source>The card in the reader ({serial}) is not the card shown before ({expected}): it was changed meanwhile. Nothing was done. Check the card in the reader and try again.</source>
        <translation>La carte dans le lecteur ({serial}) n'est pas celle affichée avant ({expected}) : elle a été changée entre-temps. Rien n'a été fait. Vérifiez la carte dans le lecteur et recommencez.</translation>
    </message>
    <message>
        <source>The card is still being read. Wait until it shows, then press Enter again.</source>
        <translation>La carte est encore en cours de lecture. Attendez qu'elle s'affiche, puis appuyez de nouveau sur Entrée.</translation>
    </message>
    <message>
        <source>There is no card in the reader. Insert the card, wait until it shows, then press Enter.</source>
        <translation>Il n'y a pas de carte dans le lecteur. Insérez la carte, attendez qu'elle s'affiche, puis appuyez sur Entrée.</translation>
    </message>
    <message>
        <source>This counter has no card reader service set up. Ask the installer to set up the card reader, then restart StarPOS.</source>
        <translation>Ce guichet n'a pas de service de lecteur de cartes configuré. Demandez à l'installateur de configurer le lecteur de cartes, puis redémarrez StarPOS.</translation>
    </message>
</context>
</TS>
