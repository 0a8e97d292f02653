/* sp-workload-page.h — the Workload view: the workload formula per rep and period, with
 * what-if editing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-page.h"

G_BEGIN_DECLS

#define SP_TYPE_WORKLOAD_PAGE (sp_workload_page_get_type ())
G_DECLARE_FINAL_TYPE (SpWorkloadPage, sp_workload_page, SP, WORKLOAD_PAGE, SpPage)

typedef enum
{
  SP_WORKLOAD_PAGE_MONTH,
  SP_WORKLOAD_PAGE_QUARTER,
  SP_WORKLOAD_PAGE_YEAR,
} SpWorkloadPagePeriod;

/* The day the periods and the history window are counted from (today at first). */
void           sp_workload_page_set_today       (SpWorkloadPage       *self,
                                                 const GDate          *today);
void           sp_workload_page_set_period      (SpWorkloadPage       *self,
                                                 SpWorkloadPagePeriod  period);
/* Shows rep @rep_id only (0: all reps); the what-if panel starts from that rep's figures. */
void           sp_workload_page_set_rep         (SpWorkloadPage       *self,
                                                 gint64                rep_id);
/* The what-if panel's input @index (0 target, 1 order value, 2–5 the rates in %, 6 working
 * days) and its result text for activity @stage ("396 · 18/day"), for tests. */
GtkWidget     *sp_workload_page_get_what_if_input  (SpWorkloadPage    *self,
                                                    guint              index);
const char    *sp_workload_page_get_what_if_result (SpWorkloadPage    *self,
                                                    guint              stage);

G_END_DECLS
