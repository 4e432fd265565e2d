/**
 * PL/pgSQL versions of the DuckDB string functions the comparison levels use, written to give the
 * SAME numbers as DuckDB on ASCII input (standardised columns are ASCII): Jaro with window
 * max(0, floor(max(len)/2) - 1), Winkler boost of 0.1 per common prefix character (at most 4)
 * applied only when Jaro > 0.7, and 0 for empty strings.
 */
export const JARO_WINKLER_PLPGSQL = `
create or replace function jaro_winkler_similarity(s1 text, s2 text) returns double precision
language plpgsql immutable strict parallel safe as $fn$
declare
  l1 int := length(s1); l2 int := length(s2);
  win int; m int := 0; t int := 0; i int; j int; k int := 1; lo int; hi int;
  f1 boolean[]; f2 boolean[]; jaro double precision; p int := 0;
begin
  if l1 = 0 or l2 = 0 then return 0; end if;
  win := greatest(0, greatest(l1, l2) / 2 - 1);
  f1 := array_fill(false, array[l1]); f2 := array_fill(false, array[l2]);
  for i in 1..l1 loop
    lo := greatest(1, i - win); hi := least(l2, i + win);
    for j in lo..hi loop
      if not f2[j] and substr(s1, i, 1) = substr(s2, j, 1) then
        f1[i] := true; f2[j] := true; m := m + 1; exit;
      end if;
    end loop;
  end loop;
  if m = 0 then return 0; end if;
  for i in 1..l1 loop
    if f1[i] then
      while not f2[k] loop k := k + 1; end loop;
      if substr(s1, i, 1) <> substr(s2, k, 1) then t := t + 1; end if;
      k := k + 1;
    end if;
  end loop;
  jaro := (m::double precision / l1 + m::double precision / l2 + (m - t / 2)::double precision / m) / 3.0;
  if jaro > 0.7 then
    while p < least(4, l1, l2) and substr(s1, p + 1, 1) = substr(s2, p + 1, 1) loop p := p + 1; end loop;
    jaro := jaro + p * 0.1 * (1.0 - jaro);
  end if;
  return jaro;
end
$fn$;`;

/** Plain Levenshtein distance, used when the fuzzystrmatch extension cannot be created. */
export const LEVENSHTEIN_PLPGSQL = `
create or replace function levenshtein(s1 text, s2 text) returns int
language plpgsql immutable strict parallel safe as $fn$
declare
  l1 int := length(s1); l2 int := length(s2); prev int[]; cur int[]; i int; j int; cost int;
begin
  if l1 = 0 then return l2; end if;
  if l2 = 0 then return l1; end if;
  prev := array(select generate_series(0, l2));
  for i in 1..l1 loop
    cur := array[i];
    for j in 1..l2 loop
      cost := case when substr(s1, i, 1) = substr(s2, j, 1) then 0 else 1 end;
      cur := cur || least(prev[j + 1] + 1, cur[j] + 1, prev[j] + cost);
    end loop;
    prev := cur;
  end loop;
  return prev[l2 + 1];
end
$fn$;`;
