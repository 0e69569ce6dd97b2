<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<!-- Changing a customer, a customer's meter and adding a meter contract (issue 12,
     manual 4.1-4.3): the customers screen, its boxes and the core's refusals. -->
<context>
    <name>admin</name>
    <message>
        <source>&amp;Add meter… (Ins)</source>
        <translation>&amp;Ajouter un compteur… (Inser)</translation>
    </message>
    <message>
        <source>&amp;Change… (F2)</source>
        <translation>&amp;Modifier… (F2)</translation>
    </message>
    <message>
        <source>Change &amp;meter… (F4)</source>
        <translation>Modifier le c&amp;ompteur… (F4)</translation>
    </message>
    <message>
        <source>Add a meter for customer {code}</source>
        <translation>Ajouter un compteur au client {code}</translation>
    </message>
    <message>
        <source>Change customer {code}</source>
        <translation>Modifier le client {code}</translation>
    </message>
    <message>
        <source>Change meter {number}</source>
        <translation>Modifier le compteur {number}</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Banque</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>Compte bancaire</translation>
    </message>
    <message>
        <source>Base date</source>
        <translation>Date de base</translation>
    </message>
    <message>
        <source>Contract end</source>
        <translation>Fin du contrat</translation>
    </message>
    <message>
        <source>Contract start</source>
        <translation>Début du contrat</translation>
    </message>
    <message>
        <source>Corporation</source>
        <translation>Représentant légal</translation>
    </message>
    <message>
        <source>Ex-factory date</source>
        <translation>Date de sortie d'usine</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>N° de pièce d'identité</translation>
    </message>
    <message>
        <source>Install date</source>
        <translation>Date d'installation</translation>
    </message>
    <message>
        <source>Key data</source>
        <translation>Données de clé</translation>
    </message>
    <message>
        <source>Key data changes only with key change tokens: flag the meter for a key change at its next purchase (Tokens &gt; Key change at the next purchase… at the counter, or starpos keychange flag).</source>
        <translation>Les données de clé ne changent qu'avec des jetons de changement de clé : marquez le compteur pour un changement de clé à son prochain achat (Jetons &gt; Changement de clé au prochain achat… au guichet, ou starpos keychange flag).</translation>
    </message>
    <message>
        <source>Key register</source>
        <translation>Registre de clé</translation>
    </message>
    <message>
        <source>Key type</source>
        <translation>Type de clé</translation>
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
        <source>Meter model</source>
        <translation>Modèle de compteur</translation>
    </message>
    <message>
        <source>Meter number</source>
        <translation>Numéro de compteur</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Register date</source>
        <translation>Date d'inscription</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <source>Tariff</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>Tax registration number</source>
        <translation>N° d'identification fiscale</translation>
    </message>
    <message>
        <source>Type or scan the meter number.</source>
        <translation>Tapez ou scannez le numéro de compteur.</translation>
    </message>
    <message>
        <source>today</source>
        <translation>aujourd'hui</translation>
    </message>
    <message>
        <source>{field} is not a date: type it as YYYY-MM-DD.</source>
        <translation>{field} n'est pas une date : tapez-la sous la forme AAAA-MM-JJ.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Customer {code} is blacklisted: reinstate them first (with the reason), then add the meter.</source>
        <translation>Le client {code} est sur liste noire : réintégrez-le d'abord (avec le motif), puis ajoutez le compteur.</translation>
    </message>
    <message>
        <source>Meter model {model} is {mode}, meter {number} is {current}: switch the meter between prepaid and postpaid with the payment change (starpos meter payment-change), then choose a model paid the same way.</source>
        <translation>Le modèle de compteur {model} est {mode}, le compteur {number} est {current} : passez le compteur du prépayé au postpayé (ou l'inverse) par le changement de mode de paiement (starpos meter payment-change), puis choisissez un modèle payé de la même façon.</translation>
    </message>
    <message>
        <source>Meter {number} belongs to customer {owner}, not to {customer}. Check the meter.</source>
        <translation>Le compteur {number} appartient au client {owner}, pas à {customer}. Vérifiez le compteur.</translation>
    </message>
    <message>
        <source>Meter {number} cannot be installed on {when}, a day still to come.</source>
        <translation>Le compteur {number} ne peut pas être installé le {when}, un jour encore à venir.</translation>
    </message>
    <message>
        <source>Meter {number} has no customer (stock status {status}): add a meter contract to a customer first; a meter in stock is changed with the stock.</source>
        <translation>Le compteur {number} n'a pas de client (état de stock {status}) : ajoutez d'abord un contrat de compteur à un client ; un compteur en stock se modifie avec le stock.</translation>
    </message>
    <message>
        <source>Meter {number} is marked {condition}: only a meter in good condition is installed. Choose another meter.</source>
        <translation>Le compteur {number} est marqué {condition} : seul un compteur en bon état est installé. Choisissez un autre compteur.</translation>
    </message>
    <message>
        <source>Meter {number}'s key data ({fields}) changes only with key change tokens, or the meter would reject its next token: flag it for a key change at its next purchase (starpos keychange flag --meter {number}) or issue an engineering key change.</source>
        <translation>Les données de clé du compteur {number} ({fields}) ne changent qu'avec des jetons de changement de clé, sinon le compteur refuserait son prochain jeton : marquez-le pour un changement de clé à son prochain achat (starpos keychange flag --meter {number}) ou émettez un changement de clé d'ingénierie.</translation>
    </message>
    <message>
        <source>The contract of meter {number} cannot end on {end}, before it starts on {start}.</source>
        <translation>Le contrat du compteur {number} ne peut pas finir le {end}, avant son début le {start}.</translation>
    </message>
    <message>
        <source>The register date {when} is after today ({today}): give the day the customer registered.</source>
        <translation>La date d'inscription {when} est après aujourd'hui ({today}) : indiquez le jour où le client s'est inscrit.</translation>
    </message>
    <message>
        <source>{field} holds at most {limit} characters; the text given has {length}.</source>
        <translation>{field} contient au plus {limit} caractères ; le texte donné en a {length}.</translation>
    </message>
</context>
<context>
    <name>terms</name>
    <message>
        <source>Bank</source>
        <translation>Banque</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>Compte bancaire</translation>
    </message>
    <message>
        <source>Corporation</source>
        <translation>Représentant légal</translation>
    </message>
    <message>
        <source>Customer type</source>
        <translation>Type de client</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>N° de pièce d'identité</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Register date</source>
        <translation>Date d'inscription</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <source>Tax registration number</source>
        <translation>N° d'identification fiscale</translation>
    </message>
</context>
<!-- The register charge in the registration and add-meter boxes (decision BO-21). -->
<context>
    <name>admin</name>
    <message>
        <source>Register charge</source>
        <translation>Frais d'ouverture de compte</translation>
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
        <source>the charge exactly</source>
        <translation>le montant exact des frais</translation>
    </message>
    <message>
        <source>{missing} short</source>
        <translation>il manque {missing}</translation>
    </message>
    <message>
        <source>{field} is not an amount of money: type it as 20.00.</source>
        <translation>{field} n'est pas un montant : saisissez-le comme 20.00.</translation>
    </message>
    <message>
        <source>Customer {code}, bill {bill}: register charge {charge}, paid {paid}, change {change}.</source>
        <translation>Client {code}, facture {bill} : frais d'ouverture de compte {charge}, payé {paid}, monnaie rendue {change}.</translation>
    </message>
</context>
</TS>
