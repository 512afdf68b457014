//! The number of seats in the gemeenteraad (Gemeentewet art. 8) and in provinciale staten
//! (Provinciewet art. 8) by inhabitants.

/// `(upper bound of inhabitants, seats)`; above the last bound: 45.
const TABLE: [(u64, u64); 16] = [
    (3_000, 9),
    (6_000, 11),
    (10_000, 13),
    (15_000, 15),
    (20_000, 17),
    (25_000, 19),
    (30_000, 21),
    (35_000, 23),
    (40_000, 25),
    (45_000, 27),
    (50_000, 29),
    (60_000, 31),
    (70_000, 33),
    (80_000, 35),
    (100_000, 37),
    (200_000, 39),
];

/// The number of raadsleden Gemeentewet art. 8 gives for a number of inhabitants.
pub fn raadszetels(inwoners: u64) -> u64 {
    lookup(&TABLE, inwoners, 45)
}

/// The seats of the first row whose upper bound is at least `inwoners`, else `above`.
fn lookup(table: &[(u64, u64)], inwoners: u64, above: u64) -> u64 {
    table
        .iter()
        .find(|(upper, _)| inwoners <= *upper)
        .map_or(above, |(_, seats)| *seats)
}

/// `(upper bound of inhabitants, seats)` of Provinciewet art. 8; above the last bound: 55.
const STATEN: [(u64, u64); 8] = [
    (400_000, 39),
    (600_000, 41),
    (800_000, 43),
    (1_000_000, 45),
    (1_200_000, 47),
    (1_400_000, 49),
    (1_600_000, 51),
    (2_000_000, 53),
];

/// The number of statenleden Provinciewet art. 8 gives for a number of inhabitants.
pub fn statenzetels(inwoners: u64) -> u64 {
    lookup(&STATEN, inwoners, 55)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn art_8_table() {
        for (n, s) in [
            (1, 9),
            (3_000, 9),
            (3_001, 11),
            (10_000, 13),
            (10_001, 15),
            (50_000, 29),
            (50_001, 31),
            (100_000, 37),
            (100_001, 39),
            (200_000, 39),
            (200_001, 45),
            (930_000, 45),
        ] {
            assert_eq!(raadszetels(n), s, "{n}");
        }
    }

    #[test]
    fn provinciewet_art_8_table() {
        for (n, s) in [
            (383_000, 39),
            (400_001, 41),
            (1_200_000, 47),
            (2_000_001, 55),
            (3_800_000, 55),
        ] {
            assert_eq!(statenzetels(n), s, "{n}");
        }
    }
}
