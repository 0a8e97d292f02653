/* sp-display.h — how the UI writes dates, fiscal years and changes for people to read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sp-money.h"

G_BEGIN_DECLS

/* "1 Oct 2026" (the translation decides the order: "2026年10月1日"). */
char *sp_display_date        (const GDate *date);
/* The same for an ISO "YYYY-MM-DD" text; "" for NULL or an invalid date. */
char *sp_display_iso_date    (const char  *iso);
/* "FY2026" / "2026财年". */
char *sp_display_fiscal_year (int          fiscal_year);
/* "+11.1%" from @value against @base; NULL when @base is not positive. */
char *sp_display_change      (gint64       value,
                              gint64       base);
/* An amount as a field the user edits shows it, and as a toast or a preview quotes it: the
 * locale's grouping, no symbol, the minor units only when there are any ("180,000",
 * "2,000.50"); sp_money_parse() reads it back. */
char *sp_display_money_entry (gint64             amount,
                              const SpCurrency  *currency);
/* A count grouped as amounts are ("2,000", the locale's separator): what a preview shows and
 * a toast quotes. */
char *sp_display_count       (guint64            n);

G_END_DECLS
