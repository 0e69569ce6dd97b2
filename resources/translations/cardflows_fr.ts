<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>errors</name>
    <message>
        <source>The card operation could not be completed.</source>
        <translation>L'opération sur la carte n'a pas pu être menée à bien.</translation>
    </message>
    <message>
        <source>Card {serial} (bound to meter {meter}) is not in this point of sale's card register. Sell only on cards issued here, or issue the meter a new card.</source>
        <translation>La carte {serial} (associée au compteur {meter}) ne figure pas dans le registre des cartes de ce point de vente. Ne vendez que sur des cartes émises ici, ou émettez une nouvelle carte pour le compteur.</translation>
    </message>
    <message>
        <source>Card {serial} of meter {meter} was {state} and is refused. Use the meter's current card (issue {current}).</source>
        <translation>La carte {serial} du compteur {meter} a le statut « {state} » et est refusée. Utilisez la carte actuelle du compteur (émission {current}).</translation>
    </message>
    <message>
        <source>Card {serial} says it belongs to meter {card_meter} (issue {card_issue}), but the card register has it for meter {meter} (issue {issue}). Keep the card and report it to a supervisor.</source>
        <translation>La carte {serial} indique appartenir au compteur {card_meter} (émission {card_issue}), mais le registre des cartes l'attribue au compteur {meter} (émission {issue}). Conservez la carte et signalez-la à un superviseur.</translation>
    </message>
    <message>
        <source>Meter {number} takes typed tokens, not a card. Sell a token for it instead.</source>
        <translation>Le compteur {number} accepte des jetons saisis au clavier, pas une carte. Vendez-lui plutôt un jeton.</translation>
    </message>
    <message>
        <source>Meter {number} already has card {serial} (issue {issue}). Use that card, or replace it if it is lost or broken.</source>
        <translation>Le compteur {number} a déjà la carte {serial} (émission {issue}). Utilisez cette carte, ou remplacez-la si elle est perdue ou abîmée.</translation>
    </message>
    <message>
        <source>Meter {number} has never had a card. Issue it a first card instead.</source>
        <translation>Le compteur {number} n'a jamais eu de carte. Émettez-lui plutôt une première carte.</translation>
    </message>
    <message>
        <source>The card still carries {energy} kWh (sale {bill}) that the meter has not loaded. Ask the customer to insert the card in the meter first, then come back to buy more.</source>
        <translation>La carte porte encore {energy} kWh (vente {bill}) que le compteur n'a pas chargés. Demandez au client d'insérer d'abord la carte dans le compteur, puis de revenir acheter.</translation>
    </message>
    <message>
        <source>The card carries older credit (purchase {card_sequence}) than this point of sale sold to meter {meter} (purchase {sold_sequence}): it may be a restored copy. Nothing was sold; keep the card and report it to a supervisor.</source>
        <translation>La carte porte un crédit plus ancien (achat {card_sequence}) que celui vendu par ce point de vente au compteur {meter} (achat {sold_sequence}) : il peut s'agir d'une copie restaurée. Rien n'a été vendu ; conservez la carte et signalez-la à un superviseur.</translation>
    </message>
    <message>
        <source>The card still carries {energy} kWh of sale {bill} that the meter has not loaded; blanking it would lose that credit. Insert the card in the meter first, or replace the card to carry it over.</source>
        <translation>La carte porte encore {energy} kWh de la vente {bill} que le compteur n'a pas chargés ; l'effacer ferait perdre ce crédit. Insérez d'abord la carte dans le compteur, ou remplacez la carte pour reporter le crédit.</translation>
    </message>
    <message>
        <source>Sale {bill} was cancelled: the card could not be written ({reason}) and nothing was put on it. Give the customer back {net}, or insert the card and sell again.</source>
        <translation>La vente {bill} a été annulée : la carte n'a pas pu être écrite ({reason}) et rien n'y a été inscrit. Rendez {net} au client, ou insérez la carte et vendez à nouveau.</translation>
    </message>
    <message>
        <source>The card was interrupted while sale {bill} was being written ({reason}). Insert the same card again: the sale is completed or cancelled from what the card holds. Do not refund or sell again before that.</source>
        <translation>La carte a été interrompue pendant l'écriture de la vente {bill} ({reason}). Réinsérez la même carte : la vente sera terminée ou annulée d'après le contenu de la carte. Ne remboursez pas et ne revendez pas avant.</translation>
    </message>
    <message>
        <source>Sale {bill} to meter {meter} is still unfinished. Insert the card it was sold to ({serial}) so it can be completed or cancelled first.</source>
        <translation>La vente {bill} au compteur {meter} n'est pas terminée. Insérez la carte sur laquelle elle a été vendue ({serial}) pour qu'elle soit d'abord terminée ou annulée.</translation>
    </message>
</context>
<context>
    <name>cardflows</name>
    <message>
        <source>{at}  meter {meter}  card {serial}  remaining {remaining} kWh  total {total} kWh  tampers {tampers}  overloads {overloads}  flags {flags}</source>
        <translation>{at}  compteur {meter}  carte {serial}  reste {remaining} kWh  total {total} kWh  fraudes {tampers}  surcharges {overloads}  alertes {flags}</translation>
    </message>
</context>
</TS>
