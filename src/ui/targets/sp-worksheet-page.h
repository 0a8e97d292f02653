/* sp-worksheet-page.h — the Targets view's worksheet: how the target is set (销售目标制定)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-page.h"

G_BEGIN_DECLS

#define SP_TYPE_WORKSHEET_PAGE (sp_worksheet_page_get_type ())
G_DECLARE_FINAL_TYPE (SpWorksheetPage, sp_worksheet_page, SP, WORKSHEET_PAGE, SpPage)

/* Shows the worksheet of @plan_id (0: none); as a page it follows the workspace's changes,
 * undo and redo included, while shown. */
void           sp_worksheet_page_set_plan    (SpWorksheetPage *self,
                                              gint64           plan_id);
gint64         sp_worksheet_page_get_plan_id (SpWorksheetPage *self);

G_END_DECLS
