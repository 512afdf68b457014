//! The comparison table the desktop app exports as CSV (Vergelijken, "Tabel als CSV"): one row
//! per organisation of the peer group, the own organisation marked. Long and self-describing,
//! so a file says what was compared without the screen next to it.

use crate::table::{Field, TableSpec};
use raadsbudget_domain::Fase;

/// The table specification of `vergelijking.csv`.
pub fn tabel() -> TableSpec {
    TableSpec {
        name: "vergelijking".into(),
        file: "vergelijking.csv".into(),
        title: "Vergelijking".into(),
        description: "Eén rij per organisatie van de vergelijkingsgroep, hoogste waarde eerst."
            .into(),
        fields: vec![
            Field::integer("jaar", "jaar").required(),
            Field::text("fase", "begroting of realisatie")
                .required()
                .one_of([Fase::Begroting.as_str(), Fase::Realisatie.as_str()]),
            Field::text("categorie", "categoriecode of TOTAAL").required(),
            Field::text("indicator", "kengetal, zoals in kengetallen.csv").required(),
            Field::text("groep", "de vergelijkingsgroep in woorden").required(),
            Field::integer("plaats", "plaats naar waarde, 1 = hoogste; leeg zonder waarde"),
            Field::text("organisatie_code", "code van de organisatie").required(),
            Field::text("organisatie_naam", "naam van de organisatie").required(),
            Field::integer("grootteklasse", "CBS-grootteklasse (gemeenten)"),
            Field::text("provincie", "provincie, uit het register bij de bundel"),
            Field::integer("inwoners", "inwoners op 1 januari van het jaar"),
            Field::number_as_given(
                "waarde",
                "waarde van het kengetal, afgerond zoals gepubliceerd; leeg als die niet te berekenen is",
            ),
            Field::boolean("eigen", "ja voor de eigen organisatie (cijfers uit de eigen database)")
                .required(),
        ],
        primary_key: vec!["organisatie_code".into()],
    }
}
