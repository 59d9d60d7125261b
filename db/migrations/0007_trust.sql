-- 0007: reserved for issue 8 (trust). Empty until that work lands.
SELECT 1;
