"""``starpos demo seed``: a realistic demo utility from the data files in ``resources/demo``.

``master_data_loader`` loads the base and common data (company, regions, branches, sales
points, terminals, payment terms, banks, meter models, charges, customer types, tariffs,
roles, operators, numbering rules); ``population`` registers customers with meters whose
STS identity matches the demo vending keys of ``resources/demo/keys.json``.
"""
