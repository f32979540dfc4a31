package io.centerline.entries;

import io.centerline.reference.Money;

/**
 * The user fees of an entry summary as Centerline computes them beside what the filer declared.
 *
 * @param mpfFiscalYear the fiscal year whose schedule was applied
 * @param mpfScheduleFiscalYear the fiscal year of the schedule itself (earlier when none was published yet)
 */
public record Fees(
        Money mpfComputed,
        Money mpfDeclared,
        Integer mpfFiscalYear,
        Integer mpfScheduleFiscalYear,
        Money hmfComputed,
        Money hmfDeclared) {}
