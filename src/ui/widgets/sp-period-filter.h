/* sp-period-filter.h — the Funnel and Dashboard filter bar: this month / quarter / year (of
 * the fiscal calendar), a rep and a region
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-metrics.h"
#include "sp-preferences.h"

G_BEGIN_DECLS

/* The same values as SpChartPeriodKind (sp-chart-sources.h). */
typedef enum
{
  SP_PERIOD_MONTH,
  SP_PERIOD_QUARTER,
  SP_PERIOD_YEAR,
} SpPeriodKind;

#define SP_TYPE_PERIOD_FILTER (sp_period_filter_get_type ())
G_DECLARE_FINAL_TYPE (SpPeriodFilter, sp_period_filter, SP, PERIOD_FILTER, GtkWidget)

/* Signals: "changed" when the period, rep or region changes (not on reload). */
GtkWidget    *sp_period_filter_new             (void);
/* Reads the reps and regions of @preferences' workspace (again), keeping the selection. */
void          sp_period_filter_set_preferences (SpPeriodFilter  *self,
                                                SpPreferences   *preferences);
void          sp_period_filter_reload          (SpPeriodFilter  *self);
/* "Today" (the system's date at first): the current period contains it. */
void          sp_period_filter_set_today       (SpPeriodFilter  *self,
                                                const GDate     *today);
void          sp_period_filter_get_today       (SpPeriodFilter  *self,
                                                GDate           *today);
SpPeriodKind  sp_period_filter_get_period      (SpPeriodFilter  *self);
void          sp_period_filter_set_period      (SpPeriodFilter  *self,
                                                SpPeriodKind     kind);
gint64        sp_period_filter_get_rep         (SpPeriodFilter  *self);
gint64        sp_period_filter_get_region      (SpPeriodFilter  *self);
/* Selects rep (region) @id; 0 is every rep (region). An unknown id changes nothing. */
void          sp_period_filter_set_rep         (SpPeriodFilter  *self,
                                                gint64           id);
void          sp_period_filter_set_region      (SpPeriodFilter  *self,
                                                gint64           id);
/* The filter of the period @back periods before the current one (0: the current one). */
void          sp_period_filter_get_filter      (SpPeriodFilter  *self,
                                                guint            back,
                                                SpMetricsFilter *out);
/* "Sep 2026", "Q3 FY2026", "FY2026": the period @back periods ago, for labels. */
char         *sp_period_filter_dup_period_name (SpPeriodFilter  *self,
                                                guint            back);

G_END_DECLS
