//! CBS gemeentegrootteklassen (by inhabitants on 1 January).

/// Lower bounds of classes 2–8; class 1 is below 5 000.
const BOUNDS: [u64; 7] = [5_000, 10_000, 20_000, 50_000, 100_000, 150_000, 250_000];

/// The CBS gemeentegrootteklasse 1–8 for a number of inhabitants.
pub fn grootteklasse(inwoners: u64) -> u8 {
    // At most 7 bounds are passed, so the count fits in a u8.
    1 + BOUNDS.iter().filter(|&&b| inwoners >= b).count() as u8
}

/// The Dutch description of a class, e.g. `20.000 tot 50.000 inwoners`.
pub fn grootteklasse_label(klasse: u8) -> &'static str {
    match klasse {
        1 => "minder dan 5.000 inwoners",
        2 => "5.000 tot 10.000 inwoners",
        3 => "10.000 tot 20.000 inwoners",
        4 => "20.000 tot 50.000 inwoners",
        5 => "50.000 tot 100.000 inwoners",
        6 => "100.000 tot 150.000 inwoners",
        7 => "150.000 tot 250.000 inwoners",
        _ => "250.000 inwoners of meer",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_boundaries() {
        for (n, k) in [
            (0, 1),
            (4_999, 1),
            (5_000, 2),
            (9_999, 2),
            (10_000, 3),
            (19_999, 3),
            (20_000, 4),
            (49_999, 4),
            (50_000, 5),
            (99_999, 5),
            (100_000, 6),
            (149_999, 6),
            (150_000, 7),
            (249_999, 7),
            (250_000, 8),
            (900_000, 8),
        ] {
            assert_eq!(grootteklasse(n), k, "{n}");
        }
    }
}
