/* sp-metrics-private.h — what the metrics' files share: filter checks, the filter's SQL and
 * its bound parameters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-calendar.h"
#include "sp-metrics.h"
#include "sp-store-private.h"

G_BEGIN_DECLS

/* Products of two gint64 never overflow it. */
__extension__ typedef __int128 SpMetricsWide;

/* The condition "won in the period" on opportunity o joined with its stage s. */
#define SP_METRICS_WON_IN_PERIOD "s.outcome = 'won' AND o.closed_on BETWEEN :from AND :to"

/* The conditions a filter adds to a query, each starting with " AND ": rows whose rep
 * column @rep_column passes the rep and region filters. Column names are the model's own
 * constants; values are always the bound parameters :rep and :region. */
char         *sp_metrics_filter_sql   (const SpMetricsFilter  *filter,
                                       const char             *rep_column);
/* " AND @id_column IN (opportunities of the filter)", or "" without a rep or region. */
char         *sp_metrics_opportunity_filter_sql (const SpMetricsFilter *filter,
                                                 const char            *id_column);
/* FALSE with SP_METRICS_ERROR_INVALID for an invalid or reversed period or negative ids. */
gboolean      sp_metrics_check_filter (const SpMetricsFilter  *filter,
                                       GError                **error);
/* Prepares @sql and binds whichever of :from, :to, :today (ISO dates), :rep and :region it
 * uses. */
sqlite3_stmt *sp_metrics_prepare      (SpStore                *store,
                                       const SpMetricsFilter  *filter,
                                       const char             *sql,
                                       GError                **error);
/* After the last sqlite3_step(): TRUE on SQLITE_DONE, else sets @error. */
gboolean      sp_metrics_finish       (SpStore                *store,
                                       int                     rc,
                                       GError                **error);

/* Runs a one-row aggregate prepared with sp_metrics_prepare() into @values (@n columns). */
gboolean      sp_metrics_query_row    (SpStore                *store,
                                       const SpMetricsFilter  *filter,
                                       const char             *sql,
                                       gint64                 *values,
                                       guint                   n,
                                       GError                **error);
/* {num, den}, with num 0 when den is 0. */
SpRate        sp_metrics_make_rate    (gint64                  num,
                                       gint64                  den);
/* The fiscal calendar (start month, week start) of the workspace's preferences. */
SpCalendar   *sp_metrics_workspace_calendar (SpStore          *store);

/* num / den rounded half away from zero; FALSE if den is 0 or the result does not fit. */
gboolean      sp_metrics_div_round    (SpMetricsWide           num,
                                       SpMetricsWide           den,
                                       gint64                 *out);

G_END_DECLS
