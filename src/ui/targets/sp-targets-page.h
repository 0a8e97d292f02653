/* sp-targets-page.h — the Targets view: the workspace's plans, regions and reps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-page.h"

G_BEGIN_DECLS

#define SP_TYPE_TARGETS_PAGE (sp_targets_page_get_type ())
G_DECLARE_FINAL_TYPE (SpTargetsPage, sp_targets_page, SP, TARGETS_PAGE, SpPage)

G_END_DECLS
