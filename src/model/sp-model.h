/* sp-model.h — the model library's public API in one include
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-allocation.h"
#include "sp-breakdown.h"
#include "sp-calendar.h"
#include "sp-catalog.h"
#include "sp-csv.h"
#include "sp-demo.h"
#include "sp-history-import.h"
#include "sp-json.h"
#include "sp-meeting.h"
#include "sp-meeting-action.h"
#include "sp-meeting-agenda.h"
#include "sp-meeting-plan.h"
#include "sp-metrics.h"
#include "sp-money.h"
#include "sp-opportunity.h"
#include "sp-opportunity-csv.h"
#include "sp-plan.h"
#include "sp-preferences.h"
#include "sp-region.h"
#include "sp-rep.h"
#include "sp-rep-workload.h"
#include "sp-store.h"
#include "sp-workload.h"
#include "sp-worklog.h"
#include "sp-worklog-csv.h"
#include "sp-worksheet.h"
