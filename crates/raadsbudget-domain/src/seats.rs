//! The number of seats in the gemeenteraad by inhabitants (Gemeentewet art. 8).

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
    TABLE
        .iter()
        .find(|(upper, _)| inwoners <= *upper)
        .map_or(45, |(_, seats)| *seats)
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
}
