-- paragraph_copies keeps only the texts that more than one paragraph shares: a text missing from
-- it occurs once (readers take COALESCE(copies, 1) or copies > 1). Four in five rows counted a
-- single paragraph (2,000 reports: 86,041 rows, 3,002 of them repeated).
DELETE FROM paragraph_copies WHERE copies < 2;
