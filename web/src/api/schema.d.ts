/* Generated from the API's OpenAPI document by `npm run gen:api`; do not edit. */

export interface paths {
    "/api/v1/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 申报列表（按角色范围），可按县、组织、项目、状态、待办、年度、关键词筛选并分页 */
        get: {
            parameters: {
                query?: {
                    /** @description 游标：上一页答复中的 nextCursor；给出时自该条之后取一页（不使用 page），翻页期间新增的记录不会使某条重复或遗漏 */
                    after?: string;
                    county?: string;
                    item?: string;
                    /** @description 只列该组织的申报 */
                    organizationId?: string;
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    state?: "offered" | "draft" | "submitted" | "county_review" | "city_review" | "approved" | "publicity" | "awarded" | "returned" | "rejected" | "withdrawn" | "expired";
                    /** @description true：只列等待当前用户办理的申报（见 waitingStates） */
                    waiting?: "true" | "false";
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApplicationList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** 新建申报草稿（企业用户） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date
                         * @example 2023-05-01
                         */
                        eventDate: string;
                        /** @default {} */
                        facts?: {
                            [key: string]: boolean | number | string;
                        };
                        item: string;
                        /** Format: uuid */
                        organizationId?: string;
                        project?: string | null;
                        subject: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 申报详情：材料、审核步骤及每步的引擎决定与核查过程 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApplicationDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * 修改草稿或退回补正的申报（须带读取时的版本号 version）
         * @description 读取记录时的版本号（必填）：可放在请求头 If-Match（形如 "3"）或请求体字段 version；两者都提供时须一致。未提供时返回 400 missing_field（字段 version）；版本已变化（他人已修改）时返回 409 stale_version，details.currentVersion 为当前版本号，请刷新后重试。
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description 读取记录时的版本号，形如 "3"（与请求体字段 version 二选一） */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date
                         * @example 2023-05-01
                         */
                        eventDate?: string;
                        facts?: {
                            [key: string]: boolean | number | string;
                        };
                        item?: string;
                        project?: string | null;
                        subject?: string;
                        /** @description 读取记录时的版本号（必填）：可放在请求头 If-Match（形如 "3"）或请求体字段 version；两者都提供时须一致。未提供时返回 400 missing_field（字段 version）；版本已变化（他人已修改）时返回 409 stale_version，details.currentVersion 为当前版本号，请刷新后重试。 */
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Application"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/applications/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 受理：受理（县级审核人员） */
        post: operations["acceptApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 审核通过：审核通过（县级初审通过转市级复审；市级复审通过即核定奖励） */
        post: operations["approveApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/award": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 公示期满的申报转为奖励（在预算中预留；须 Idempotency-Key） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AwardGranted"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 确认申领：确认申领（企业；免申即享的待确认奖励，确认后进入县级初审，首次提交时间为确认之时） */
        post: operations["confirmApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 放弃：放弃（企业；免申即享的待确认奖励） */
        post: operations["declineApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 上传证明材料（PDF、JPEG、PNG，multipart/form-data，字段 file） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Evidence"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/evidence/{evidenceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 查看证明材料 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    evidenceId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 文件内容（二进制）；文件名见 Content-Disposition */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** 删除证明材料（仅草稿或退回补正的申报）；答复被删除的材料 */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    evidenceId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Evidence"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 政策引擎预估（不保存） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CasePreview"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 不予通过：不予通过（须填写意见） */
        post: operations["rejectApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退回补正：退回补正（须填写意见） */
        post: operations["returnApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 提交：提交（企业；至少一份证明材料；退回补正后再次提交保留首次提交时间） */
        post: operations["submitApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 撤回：撤回（企业；审核通过之前） */
        post: operations["withdrawApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出当前筛选：与申报列表相同的筛选条件下的全部申报（不分页），.xlsx */
        get: {
            parameters: {
                query?: {
                    county?: string;
                    item?: string;
                    /** @description 只列该组织的申报 */
                    organizationId?: string;
                    q?: string;
                    state?: "offered" | "draft" | "submitted" | "county_review" | "city_review" | "approved" | "publicity" | "awarded" | "returned" | "rejected" | "withdrawn" | "expired";
                    /** @description true：只列等待当前用户办理的申报（见 waitingStates） */
                    waiting?: "true" | "false";
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 申报列表 .xlsx（符合筛选条件的全部申报）；文件名见 Content-Disposition */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 考核计算记录（新的在前） */
        get: {
            parameters: {
                query?: {
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssessmentRunList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** 按方案计算年度考核得分与排名（保存输入与结果） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version?: number;
                        year: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssessmentRun"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 一次考核计算：各县得分、排名与逐项计算过程 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssessmentRun"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/runs/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 核对：用保存的输入与方案版本重新计分，与保存的结果比较 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssessmentRunCheck"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/schemes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 考核方案（各年度各版本，新版本在前） */
        get: {
            parameters: {
                query?: {
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssessmentSchemeList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** 保存年度考核方案（生成新版本，旧版本不变；权重之和须为 100；baseVersion 须为该年度当前最新版本，否则 409 stale_version） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 所依据的版本号：编辑时加载的该年度最新版本。该年度尚无方案时不填；若该年度最新版本已不是此版本（他人已保存新版本），保存被拒绝（409 stale_version，details.currentVersion 为当前版本） */
                        baseVersion?: number;
                        indicators: {
                            /** @enum {string} */
                            direction: "higher" | "lower";
                            id: string;
                            name: string;
                            rule: {
                                /** @enum {string} */
                                kind: "relative";
                            } | {
                                /** @enum {string} */
                                kind: "threshold";
                                /**
                                 * @description 非负数，最多 4 位小数
                                 * @example 12.5
                                 */
                                threshold: string | number;
                            } | {
                                /** @enum {string} */
                                kind: "linear";
                                /**
                                 * @description 非负数，最多 4 位小数
                                 * @example 12.5
                                 */
                                max: string | number;
                                /**
                                 * @description 非负数，最多 4 位小数
                                 * @example 12.5
                                 */
                                min: string | number;
                            };
                            source: {
                                items?: string[];
                                /** @enum {string} */
                                kind: "awards";
                                /** @enum {string} */
                                measure: "count" | "amount";
                            } | {
                                /** @enum {string} */
                                kind: "targets";
                                targetIds?: string[];
                            } | {
                                /** @enum {string} */
                                kind: "objections_upheld";
                            } | {
                                days: number;
                                /** @enum {string} */
                                kind: "review_timeliness";
                            } | {
                                /** @enum {string} */
                                kind: "manual";
                            };
                            weight: number;
                        }[];
                        note?: string;
                        year: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssessmentScheme"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/schemes/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 某年度的考核方案（默认最新版本） */
        get: {
            parameters: {
                query?: {
                    version?: number;
                };
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssessmentScheme"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/values": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 录入人工指标的数值（同一县再次录入以最新为准） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description 管辖县（市、区）或台州湾新区
                         * @enum {string}
                         */
                        county: "椒江区" | "黄岩区" | "路桥区" | "临海市" | "温岭市" | "玉环市" | "天台县" | "仙居县" | "三门县" | "台州湾新区";
                        indicatorId: string;
                        source: string;
                        /**
                         * @description 非负数，最多 4 位小数
                         * @example 12.5
                         */
                        value: string | number;
                        year: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssessmentValue"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 审计日志（审计管理员） */
        get: {
            parameters: {
                query?: {
                    /** @description 操作：动作代码，或其中文名中的文字（如 审核） */
                    action?: string;
                    /** @description 操作人：用户编号、用户名或名称中的文字 */
                    actor?: string;
                    /** @description 操作人编号（精确） */
                    actorId?: string;
                    /** @description 游标：上一页答复中的 nextCursor；给出时自该条之后取一页（不使用 page），翻页期间新增的记录不会使某条重复或遗漏 */
                    after?: string;
                    outcome?: "success" | "denied" | "failure";
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuditPage"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出当前筛选的审计日志（.xlsx，全部页） */
        get: {
            parameters: {
                query?: {
                    /** @description 操作：动作代码，或其中文名中的文字（如 审核） */
                    action?: string;
                    /** @description 操作人：用户编号、用户名或名称中的文字 */
                    actor?: string;
                    /** @description 操作人编号（精确） */
                    actorId?: string;
                    outcome?: "success" | "denied" | "failure";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 文件内容（二进制）；文件名见 Content-Disposition */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 校验审计日志哈希链 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuditChainCheck"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登录：返回用户与 CSRF 令牌，会话放在 HttpOnly Cookie 中 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                        username: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LoginResult"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退出登录（服务器端注销会话） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 已退出登录 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 当前用户、CSRF 令牌 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CurrentSession"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 修改本人密码 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description 密码已修改；本人的其他会话已注销 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 当前会话（未登录时 session 为 null） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SessionState"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/awards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 奖励列表：可按年度、资金来源、状态、组织筛选；给出 pageSize 时分页，否则返回全部 */
        get: {
            parameters: {
                query?: {
                    /** @description 游标：上一页答复中的 nextCursor；给出时自该条之后取一页（不使用 page），翻页期间新增的记录不会使某条重复或遗漏 */
                    after?: string;
                    /** @description 只列该组织的奖励 */
                    organizationId?: string;
                    page?: number;
                    pageSize?: number;
                    source?: string;
                    state?: "reserved" | "paid" | "cancelled" | "reversed";
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AwardList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/awards/{id}/reverse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 撤销或追回奖励（须理由；冲销分录） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AwardReversed"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/awards/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出当前筛选的奖励（.xlsx，全部页） */
        get: {
            parameters: {
                query?: {
                    /** @description 只列该组织的奖励 */
                    organizationId?: string;
                    source?: string;
                    state?: "reserved" | "paid" | "cancelled" | "reversed";
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 文件内容（二进制）；文件名见 Content-Disposition */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bank-account-changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 收款账户变更申请（财政；默认待核实） */
        get: {
            parameters: {
                query?: {
                    state?: "pending" | "verified" | "rejected" | "withdrawn" | "superseded";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BankAccountChangeList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bank-account-changes/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 不予核实收款账户变更（须填写理由） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BankAccountDecided"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bank-account-changes/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 核实收款账户变更（财政；不能核实本人提交的申请） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BankAccountDecided"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bank-account-changes/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 撤回收款账户变更申请 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BankAccountWithdrawn"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/budgets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 预算：总额、预留、已付、剩余 */
        get: {
            parameters: {
                query?: {
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["BudgetListItem"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/budgets/{year}/{source}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 设定年度预算（city 或县名；不得低于已预留与已支付之和） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    source: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        total: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BudgetBalance"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calculate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 按计算契约核定一个组织的申报
         * @description 按提交时间（相同则按申报编号）先后核定；结果按请求顺序返回。trace=true 时附上每条申报的核查过程。
         */
        post: {
            parameters: {
                query?: {
                    /** @description supplements：另附所在县（市、区）配套政策（四（三））的核定；默认不附，答复与 v1 契约完全一致 */
                    include?: "supplements";
                    trace?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        claims: {
                            /**
                             * Format: date
                             * @example 2023-05-01
                             */
                            eventDate: string;
                            /**
                             * @description 该项目所需事实，见 GET /api/v1/policies/:id/items
                             * @default {}
                             */
                            facts?: {
                                [key: string]: (boolean | number | string) | null;
                            };
                            id: string;
                            /**
                             * @description 奖励项目编号，如 1.1.g
                             * @example 1.1.g
                             */
                            item: string;
                            /** @description 项目标识；相同者视为同一项目（五、附则） */
                            project?: string | null;
                            /** @description 奖励对象：证书、标准、实验室、平台、秘书处等 */
                            subject: string;
                            /**
                             * Format: date-time
                             * @example 2023-06-01T10:00:00+08:00
                             */
                            submittedAt: string;
                        }[];
                        organization: {
                            /**
                             * @description 管辖县（市、区）或台州湾新区
                             * @enum {string}
                             */
                            county: "椒江区" | "黄岩区" | "路桥区" | "临海市" | "温岭市" | "玉环市" | "天台县" | "仙居县" | "三门县" | "台州湾新区";
                            name: string;
                            /**
                             * @description 统一社会信用代码（GB 32100-2015 校验）
                             * @example 91331082390996033J
                             */
                            uscc: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CalculateResponse"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 工作日历（法定节假日与调休） */
        get: {
            parameters: {
                query: {
                    year: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CalendarDay"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/{date}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 设定某日为节假日或调休上班日（kind 为 null 则恢复为普通日） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    date: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string|null} */
                        kind: "holiday" | "workday" | null;
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 领导看板：奖励按县/类别/年度、预算执行、申报状态、各审核环节平均工作日（汇总，无个人信息）；可按年度查看 */
        get: {
            parameters: {
                query?: {
                    /** @description 只看该年度：奖励与预算按预算年度，申报按首次提交，审核按决定日期 */
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Dashboard"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/expert/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 评审专家的待评项目 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ExpertQueueCall"][];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/experts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 可选的评审专家（市级） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ProjectExpert"][];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 健康检查 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Health"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 校验账簿：记账与余额一致、无超支、无重复支付 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LedgerCheck"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/matches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 政策匹配：本单位待确认的奖励，以及名单已列出、补充信息后可申报的奖励 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PolicyMatches"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的通知渠道：邮件、短信 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NotificationPreferences"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** 设置我的通知渠道（开启某渠道须填写其地址） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["NotificationPreferencesInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NotificationPreferences"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本单位的站内通知（最新在前） */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    unread?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NoticeList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notices/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 标记为已读 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 已标记为已读 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/objections/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 处理异议：upheld 成立（申报不予通过）/ dismissed 不成立（继续） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        outcome: "upheld" | "dismissed";
                        resolution: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CaseObjectionResolved"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 组织列表（按角色范围） */
        get: {
            parameters: {
                query?: {
                    county?: string;
                    page?: number;
                    pageSize?: number;
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrganizationList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** 登记组织（审核人员） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        bankAccount?: string | null;
                        bankName?: string | null;
                        contactName?: string | null;
                        contactPhone?: string | null;
                        /**
                         * @description 管辖县（市、区）或台州湾新区
                         * @enum {string}
                         */
                        county: "椒江区" | "黄岩区" | "路桥区" | "临海市" | "温岭市" | "玉环市" | "天台县" | "仙居县" | "三门县" | "台州湾新区";
                        /** @enum {string} */
                        kind: "enterprise" | "institution" | "association" | "research" | "other";
                        name: string;
                        uscc: string;
                        usccOverrideReason?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Organization"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 组织详情 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Organization"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * 修改组织信息（须带读取时的版本号 version）
         * @description 读取记录时的版本号（必填）：可放在请求头 If-Match（形如 "3"）或请求体字段 version；两者都提供时须一致。未提供时返回 400 missing_field（字段 version）；版本已变化（他人已修改）时返回 409 stale_version，details.currentVersion 为当前版本号，请刷新后重试。
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description 读取记录时的版本号，形如 "3"（与请求体字段 version 二选一） */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        bankAccount?: string;
                        bankName?: string | null;
                        contactName?: string | null;
                        contactPhone?: string | null;
                        /**
                         * @description 管辖县（市、区）或台州湾新区
                         * @enum {string}
                         */
                        county?: "椒江区" | "黄岩区" | "路桥区" | "临海市" | "温岭市" | "玉环市" | "天台县" | "仙居县" | "三门县" | "台州湾新区";
                        /** @enum {string} */
                        kind?: "enterprise" | "institution" | "association" | "research" | "other";
                        name?: string;
                        /** @description 读取记录时的版本号（必填）：可放在请求头 If-Match（形如 "3"）或请求体字段 version；两者都提供时须一致。未提供时返回 400 missing_field（字段 version）；版本已变化（他人已修改）时返回 409 stale_version，details.currentVersion 为当前版本号，请刷新后重试。 */
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Organization"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/organizations/{id}/bank-account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 申请变更收款账户（财政核实后生效） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        bankAccount: string;
                        bankName: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BankAccountRequested"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{id}/exclusions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登记不予支持情形（严重失信、亩均 D 档等） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date
                         * @example 2023-05-01
                         */
                        effectiveDate: string;
                        /** @enum {string} */
                        kind: "serious_dishonesty" | "mujun_d" | "false_materials" | "other";
                        note?: string | null;
                        source: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Organization"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{id}/exclusions/{exclusionId}/lift": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 解除不予支持情形 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    exclusionId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Organization"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payment-batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 拨付批次列表（市级财政看全部，县级财政看本县），可按年度、资金来源、状态、编号筛选并分页 */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    /** @description 批次编号（或其一部分） */
                    q?: string;
                    source?: string;
                    state?: "open" | "settled";
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PaymentBatchList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** 按资金来源生成拨付批次 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        source: string;
                        year: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PaymentBatchCreated"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payment-batches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 拨付批次明细（按记录编号或批次编号 BF-2026-0001） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PaymentBatchDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payment-batches/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出拨付清单（.xlsx） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 文件内容（二进制）；文件名见 Content-Disposition */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payment-batches/candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 各预算可生成拨付批次的奖励（待拨付且不在待登记结果的批次中） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["PaymentCandidate"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payment-batches/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出当前筛选的拨付批次（.xlsx，全部页） */
        get: {
            parameters: {
                query?: {
                    /** @description 批次编号（或其一部分） */
                    q?: string;
                    source?: string;
                    state?: "open" | "settled";
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 文件内容（二进制）；文件名见 Content-Disposition */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payment-lines/{id}/result": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登记拨付结果：paid（凭证号、日期）或 failed（原因，退回待拨付） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        outcome: "paid";
                        /**
                         * Format: date
                         * @example 2023-05-01
                         */
                        paidDate: string;
                        treasuryRef: string;
                    } | {
                        /** @enum {string} */
                        outcome: "failed";
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PaymentLineResult"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 已收录的政策及其施行期、上限、目标和法律解读 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PolicyList"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** 上传政策文件，存为草稿（新版本）；有问题时整份拒绝，不保存 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 政策文件原文（YAML 或 JSON，格式见 docs/pack-format.md） */
                        source: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PackUploaded"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policies/{id}/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 政策的奖励项目目录：金额、条款、条件、所需事实、资金承担 */
        get: {
            parameters: {
                query?: {
                    /** @description 按该日有效的参数取金额（默认施行首日） */
                    asOf?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PolicyCatalog"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policies/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 对比政策文件与现行政策（或 against 指定的政策） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 对比的政策（编号或记录编号） */
                        against?: string;
                        /** @description 政策文件原文（YAML 或 JSON，格式见 docs/pack-format.md） */
                        source: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PackDiff"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policies/in-force": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 某日施行的政策；无政策施行时说明最后可申报的日期和已收录的政策（公开） */
        get: {
            parameters: {
                query?: {
                    /** @description 日期（默认今日） */
                    date?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PolicyInForce"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policies/records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 已收录的政策版本：草稿、已发布、已废止，及其施行期 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PolicyRecordList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policies/records/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 一个政策版本及其文件原文 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PolicyRecordDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policies/records/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 发布政策草稿：effective 须与文件中的施行日期一致（确认）；同时废止其声明废止的政策和本政策的旧版本 */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description 读取记录时的版本号，形如 "3"（与请求体字段 version 二选一） */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date
                         * @description 确认的施行日期
                         * @example 2023-05-01
                         */
                        effective: string;
                        /** @description 读取记录时的版本号（必填）：可放在请求头 If-Match（形如 "3"）或请求体字段 version；两者都提供时须一致。未提供时返回 400 missing_field（字段 version）；版本已变化（他人已修改）时返回 409 stale_version，details.currentVersion 为当前版本号，请刷新后重试。 */
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PackPublished"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policies/simulate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 沙盘推演：所选事件日期内已提交且未撤回的历史申报，按草稿政策（视同当时施行）与原政策分别核定并对比；只保存推演结果 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date
                         * @description 事件日期起（含）
                         * @example 2023-05-01
                         */
                        from?: string;
                        /** @description 政策文件原文（YAML 或 JSON，格式见 docs/pack-format.md） */
                        source: string;
                        /**
                         * Format: date
                         * @description 事件日期止（含）
                         * @example 2023-05-01
                         */
                        to?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PolicySimulation"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policies/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 校验政策文件：一次列出全部问题及其位置（不保存） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 政策文件原文（YAML 或 JSON，格式见 docs/pack-format.md） */
                        source: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PackValidation"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/project-calls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 项目征集列表 */
        get: {
            parameters: {
                query?: {
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ProjectCall"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** 发布年度项目征集（市级） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default 50 */
                        advancePercent?: number;
                        budget: number;
                        /**
                         * @default [
                         *       "标准信息公共服务",
                         *       "质量分析与质量诊断",
                         *       "先进质量管理方法推广",
                         *       "标准对标达标提升",
                         *       "缺陷产品分析研判",
                         *       "应对技术性贸易壁垒",
                         *       "质量数据共建共享",
                         *       "质量数字化转型或治理",
                         *       "质量竞争力指数和品牌发展指数研制分析",
                         *       "其他"
                         *     ]
                         */
                        categories?: string[];
                        /**
                         * Format: date
                         * @example 2023-05-01
                         */
                        closesOn: string;
                        criteria: {
                            id: string;
                            name: string;
                            weight: number;
                        }[];
                        maxPerProposal?: number;
                        /**
                         * Format: date
                         * @example 2023-05-01
                         */
                        opensOn: string;
                        /** @default 60 */
                        passMark?: number;
                        title: string;
                        year: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProjectCall"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/project-calls/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 项目征集：申报、专家组、排序 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProjectCallDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/project-calls/{id}/panel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 添加评审专家 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        userId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProjectPanelSeat"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/project-calls/{id}/proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 提交项目申报 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        category: string;
                        plan: string;
                        requested: number;
                        title: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProjectProposal"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/project-calls/{id}/rank": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 按专家评分排序（截止后、评分齐全） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProjectRanking"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/project-calls/{id}/ranking/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 由存储的评分重算排序并核对 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProjectRankingCheck"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/project-calls/{id}/selection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 择优确定拟立项项目并公示 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date
                         * @example 2023-05-01
                         */
                        startDate: string;
                        title?: string;
                        workingDays?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProjectSelection"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/project-objections/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 处理公共项目公示异议 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        outcome: "upheld" | "dismissed";
                        resolution: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProjectObjectionResolved"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/project-proposals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 项目申报详情 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProjectProposal"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/project-proposals/{id}/acceptance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登记项目验收结果 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date
                         * @example 2023-05-01
                         */
                        date: string;
                        note: string;
                        /** @enum {string} */
                        result: "passed" | "failed";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProjectAcceptanceRecorded"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/project-proposals/{id}/conflict": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 评审专家申报回避 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProjectConflictDeclared"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/project-proposals/{id}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 上传项目材料（PDF、JPEG、PNG，multipart/form-data，字段 file） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProjectProposalDocument"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/project-proposals/{id}/documents/{documentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 查看项目材料 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    documentId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 文件内容（二进制）；文件名见 Content-Disposition */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/project-proposals/{id}/scores": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 提交评分（独立评分，提交后不可修改） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment?: string;
                        scores: {
                            [key: string]: number;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProjectScoreSubmitted"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/project-proposals/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 撤回项目申报（截止前） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProjectProposalWithdrawn"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/project-publicity/{id}/objections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 公共项目公示的异议（市级） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ProjectObjection"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/project-tranches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 公共项目拨付款项（财政） */
        get: {
            parameters: {
                query?: {
                    state?: "reserved" | "paid" | "released";
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ProjectTrancheRow"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/project-tranches/{id}/pay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登记公共项目款项已拨付（须带 Idempotency-Key） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date
                         * @example 2023-05-01
                         */
                        paidOn: string;
                        treasuryRef: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProjectTranchePaid"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/project-calls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 质量提升公共项目征集公告（无需登录） */
        get: {
            parameters: {
                query?: {
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ProjectCall"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/publicity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 公示批次（无需登录） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["PublicPublicityBatch"][];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/publicity/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 公示名单：组织、项目、金额、县（市、区），不含个人信息 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PublicPublicityBatchDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/publicity/{id}/objections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 提出异议（姓名与联系方式必填，不公开；相同异议重复提交时返回首次的结果；同一来源每批公示的未处理异议有上限，超出为 429） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        applicationId: string;
                        contact: string;
                        name: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CaseObjectionReceipt"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/publicity/{id}/project-objections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 对公示的公共项目提出异议（姓名、联系方式必填，不公开；相同异议返回首次的结果；同一来源每批有上限，超出为 429） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        contact: string;
                        name: string;
                        /** Format: uuid */
                        proposalId: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProjectObjectionReceipt"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/unsubscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 一键退订邮件通知（邮件中的链接；无须登录） */
        get: {
            parameters: {
                query: {
                    /** @description 邮件中的退订令牌 */
                    token: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 退订结果页面（HTML）；文件名见 Content-Disposition */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** 一键退订（RFC 8058 List-Unsubscribe-Post） */
        post: {
            parameters: {
                query: {
                    /** @description 邮件中的退订令牌 */
                    token: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/publicity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 新建公示批次（市级审核人员） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        applicationIds: string[];
                        /**
                         * Format: date
                         * @example 2023-05-01
                         */
                        startDate: string;
                        title: string;
                        workingDays?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CasePublicityBatchCreated"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/publicity/{id}/objections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本批公示的异议（含异议人信息） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CaseObjection"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/publicity/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 结束到期公示：无未决异议的申报转为奖励（可重复执行） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PublicityCloseSummary"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 就绪检查（访问数据库） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ready"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NotReady"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/relations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登记审核人员与组织的关联关系（回避） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note: string;
                        /** Format: uuid */
                        organizationId: string;
                        /** Format: uuid */
                        userId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RelationRecorded"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 当前用户可导出的报表类型 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReportKindList"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出报表（.xlsx）：awards 奖励汇总、payments 拨付清单、publicity 公示名单、targets 目标进度、annual 年度总结、assessment 县级考核得分、projects 公共项目评审排序；县级用户只能导出本县 */
        get: {
            parameters: {
                query?: {
                    /** @description 县（市、区）；县级用户缺省为本县 */
                    county?: "椒江区" | "黄岩区" | "路桥区" | "临海市" | "温岭市" | "玉环市" | "天台县" | "仙居县" | "三门县" | "台州湾新区";
                    /** @description 资金来源：city 或县（市、区）名称 */
                    source?: string;
                    /** @description 年度（奖励、拨付按预算年度；公示按开始日期） */
                    year?: number;
                };
                header?: never;
                path: {
                    kind: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 文件内容（二进制）；文件名见 Content-Disposition */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rosters/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 名单导入记录：文件、哈希、导入人与各项计数（最新在前） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RosterImportList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** 预览或导入名单（multipart/form-data，字段 file：.xlsx 或 .csv）；dryRun=true 只预览，不写入 */
        post: {
            parameters: {
                query: {
                    /** @description true（默认）只预览；false 导入 */
                    dryRun?: "true" | "false";
                    /** @description 名单类型，如 pinzibiao */
                    kind: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RosterReport"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rosters/kinds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 名单类型：各列表头与所对应的奖励项目 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RosterKinds"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rosters/kinds/{kind}/template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载名单导入模板（.xlsx，中文表头） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 名单导入模板（.xlsx）；文件名见 Content-Disposition */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rosters/rows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 已导入的名单记录：按导入、结果、县（市、区）或名称筛选；待核对名称与未注册组织即在其中 */
        get: {
            parameters: {
                query?: {
                    /** @description 县（市、区） */
                    county?: string;
                    /** @description 导入记录 */
                    importId?: string;
                    /** @description 结果：matched、needsReview、unmatched、invalid、duplicate */
                    outcome?: "matched" | "needsReview" | "unmatched" | "invalid" | "duplicate";
                    page?: number;
                    pageSize?: number;
                    /** @description 名称、统一社会信用代码或对象中的文字 */
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RosterRowPage"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rosters/rows/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 核对名称匹配：确认（按所匹配组织生成待确认奖励）或否定（须填写理由） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 意见；否定时必填 */
                        comment?: string | null;
                        /**
                         * @description confirm 确认；reject 否定
                         * @enum {string}
                         */
                        decision: "confirm" | "reject";
                        /** @description 所读记录的版本 */
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NameReviewResult"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rosters/rows/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出名单记录（.xlsx）；未注册组织另附按组织汇总的邀请名单 */
        get: {
            parameters: {
                query?: {
                    /** @description 县（市、区） */
                    county?: string;
                    /** @description 导入记录 */
                    importId?: string;
                    /** @description 结果：matched、needsReview、unmatched、invalid、duplicate */
                    outcome?: "matched" | "needsReview" | "unmatched" | "invalid" | "duplicate";
                    /** @description 名称、统一社会信用代码或对象中的文字 */
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 名单记录（.xlsx）；文件名见 Content-Disposition */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本角色可管理的设置，及全部设置共用的版本号 version（修改时须带上） */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SettingsView"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * 修改设置（须带读取时的版本号 version；全部设置共用一个版本号，任一设置被修改后版本号加一）
         * @description 读取记录时的版本号（必填）：可放在请求头 If-Match（形如 "3"）或请求体字段 version；两者都提供时须一致。未提供时返回 400 missing_field（字段 version）；版本已变化（他人已修改）时返回 409 stale_version，details.currentVersion 为当前版本号，请刷新后重试。
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description 读取记录时的版本号，形如 "3"（与请求体字段 version 二选一） */
                    "if-match"?: string;
                };
                path?: never;
                cookie?: never;
            };
            /** @description 要修改的设置：键为设置名（如 general.publicityWorkingDays），值为新值；另加 version */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 读取记录时的版本号（必填）：可放在请求头 If-Match（形如 "3"）或请求体字段 version；两者都提供时须一致。未提供时返回 400 missing_field（字段 version）；版本已变化（他人已修改）时返回 409 stale_version，details.currentVersion 为当前版本号，请刷新后重试。 */
                        version?: number;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SettingsValues"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 2025 年目标进度（二、总体目标），可按县（市、区）和日期查看 */
        get: {
            parameters: {
                query?: {
                    asOf?: string;
                    county?: string;
                    policy?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TargetList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/targets/{targetId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 单个目标：进度、按县分布、历史、基数与录入记录 */
        get: {
            parameters: {
                query?: {
                    asOf?: string;
                };
                header?: never;
                path: {
                    targetId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TargetDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/targets/{targetId}/contributions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 构成目标计数的奖励与登记记录 */
        get: {
            parameters: {
                query?: {
                    asOf?: string;
                    county?: string;
                };
                header?: never;
                path: {
                    targetId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TargetContributions"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/targets/baselines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登记目标基数（来源、日期） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date
                         * @example 2023-05-01
                         */
                        asOf: string;
                        county: string;
                        note?: string;
                        source: string;
                        targetId: string;
                        /**
                         * @description 非负数，最多 4 位小数
                         * @example 12
                         */
                        value: string | number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TargetBaselineAdded"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/targets/records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登记未经申报的成果（如县级政府质量奖、秘书处） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description 管辖县（市、区）或台州湾新区
                         * @enum {string}
                         */
                        county: "椒江区" | "黄岩区" | "路桥区" | "临海市" | "温岭市" | "玉环市" | "天台县" | "仙居县" | "三门县" | "台州湾新区";
                        /**
                         * Format: date
                         * @example 2023-05-01
                         */
                        endedOn?: string | null;
                        /**
                         * Format: date
                         * @example 2023-05-01
                         */
                        eventDate: string;
                        note?: string;
                        organizationName: string;
                        source: string;
                        subject: string;
                        targetId: string;
                        /**
                         * @description 统一社会信用代码（GB 32100-2015 校验）
                         * @example 91331082390996033J
                         */
                        uscc?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TargetRecordAdded"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/targets/records/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 撤回登记的成果（须说明理由） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TargetRecordWithdrawn"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/targets/values": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 录入人工指标数值（如抽检合格率），保留历史 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default 全市 */
                        county?: string;
                        note?: string;
                        /**
                         * Format: date
                         * @example 2023-05-01
                         */
                        periodEnd: string;
                        /**
                         * Format: date
                         * @example 2023-05-01
                         */
                        periodStart: string;
                        source: string;
                        targetId: string;
                        /**
                         * @description 非负数，最多 4 位小数
                         * @example 12
                         */
                        value: string | number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TargetValueAdded"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/targets/values/{id}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 为录入的数值上传证明材料（multipart/form-data，字段 file） */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TargetValueEvidence"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/targets/values/{id}/evidence/{documentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 查看数值的证明材料 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    documentId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 文件内容（二进制）；文件名见 Content-Disposition */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 用户列表 */
        get: {
            parameters: {
                query?: {
                    role?: "enterprise" | "county_official" | "city_official" | "finance" | "system_admin" | "security_admin" | "auditor" | "expert" | "leader";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UserAccountList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** 创建账号 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description 管辖县（市、区）或台州湾新区
                         * @enum {string|null}
                         */
                        county?: "椒江区" | "黄岩区" | "路桥区" | "临海市" | "温岭市" | "玉环市" | "天台县" | "仙居县" | "三门县" | "台州湾新区" | null;
                        displayName: string;
                        /** Format: uuid */
                        organizationId?: string | null;
                        password: string;
                        /** @enum {string} */
                        role: "enterprise" | "county_official" | "city_official" | "finance" | "system_admin" | "security_admin" | "auditor" | "expert" | "leader";
                        username: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UserAccount"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 停用、启用、解锁账号或重设密码（系统管理员；不能停用自己，也不能停用某管理角色唯一启用的账号） */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        disabled?: boolean;
                        password?: string;
                        unlock?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UserAccount"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/users/{id}/role": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 分配角色（安全管理员；不能改自己的角色，也不能改某管理角色唯一启用的账号） */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description 管辖县（市、区）或台州湾新区
                         * @enum {string|null}
                         */
                        county?: "椒江区" | "黄岩区" | "路桥区" | "临海市" | "温岭市" | "玉环市" | "天台县" | "仙居县" | "三门县" | "台州湾新区" | null;
                        /** Format: uuid */
                        organizationId?: string | null;
                        /** @enum {string} */
                        role: "enterprise" | "county_official" | "city_official" | "finance" | "system_admin" | "security_admin" | "auditor" | "expert" | "leader";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UserAccount"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description 申报 */
        Application: {
            /** @description 奖励项目所依据的条款 */
            clause: string | null;
            createdAt: string;
            /** @description 获得荣誉、认定或证书的日期 */
            eventDate: string;
            /** @description 政策引擎最近一次核定的金额（元） */
            expectedAmount: number | null;
            /** @description 奖励项目所需的事实 */
            facts: {
                [key: string]: unknown;
            };
            /** @description 资金承担：city 市财政，county 县财政 */
            fundingSource: string | null;
            /** @description 资金承担的名称：市财政，或组织所在县（市、区）的财政，如 温岭市财政 */
            fundingSourceName: string | null;
            id: string;
            /** @description 奖励项目编号，如 1.1.g */
            item: string;
            /** @description 奖励项目名称；政策未收录该项目时为 null */
            itemTitle: string | null;
            /** @description 最近一次审核意见 */
            lastComment: string | null;
            /** @description 申报编号，如 QI-2024-000001 */
            number: string;
            /** @description 申报组织的公开信息（不含联系人与收款账户） */
            organization: {
                county: string;
                id: string;
                name: string;
                uscc: string;
            };
            /** @description 最近一次核定所依据的政策编号 */
            policyId: string | null;
            /** @description 项目标识：同一项目的申报按就高不重复（五、附则） */
            project: string | null;
            /** @enum {string} */
            state: "offered" | "draft" | "submitted" | "county_review" | "city_review" | "approved" | "publicity" | "awarded" | "returned" | "rejected" | "withdrawn" | "expired";
            stateName: string;
            /** @description 奖励对象（证书、标准、实验室等） */
            subject: string;
            /** @description 首次提交时间；退回补正后再次提交不变 */
            submittedAt: string | null;
            updatedAt: string;
            /** @description 版本号：修改时须带上 */
            version: number;
        };
        /** @description 申报详情：材料与审核步骤 */
        ApplicationDetail: {
            application: components["schemas"]["Application"];
            /** @description 申报与其公示、异议、奖励、拨付各步骤，按时间先后 */
            events: components["schemas"]["CaseEvent"][];
            evidence: components["schemas"]["Evidence"][];
            /** @description 免申即享：生成本项待确认奖励的官方名单记录（其依据）；非名单生成的申报为 null */
            roster: {
                cells: {
                    header: string;
                    value: string;
                }[];
                filename: string;
                importedAt: string;
                /** @description 导入批次号 */
                importNumber: string;
                kind: string;
                /** @description 名单名称 */
                kindTitle: string;
                /** @description 名单发布机构 */
                publisher: string;
                /** @description 名单中的行号 */
                row: number;
            } | null;
        };
        /** @description 申报详情：材料与审核步骤 */
        ApplicationDetailInput: {
            application: components["schemas"]["ApplicationInput"];
            /** @description 申报与其公示、异议、奖励、拨付各步骤，按时间先后 */
            events: components["schemas"]["CaseEventInput"][];
            evidence: components["schemas"]["EvidenceInput"][];
            /** @description 免申即享：生成本项待确认奖励的官方名单记录（其依据）；非名单生成的申报为 null */
            roster: {
                cells: {
                    header: string;
                    value: string;
                }[];
                filename: string;
                importedAt: string;
                /** @description 导入批次号 */
                importNumber: string;
                kind: string;
                /** @description 名单名称 */
                kindTitle: string;
                /** @description 名单发布机构 */
                publisher: string;
                /** @description 名单中的行号 */
                row: number;
            } | null;
        };
        /** @description 申报 */
        ApplicationInput: {
            /** @description 奖励项目所依据的条款 */
            clause: string | null;
            createdAt: string;
            /** @description 获得荣誉、认定或证书的日期 */
            eventDate: string;
            /** @description 政策引擎最近一次核定的金额（元） */
            expectedAmount: number | null;
            /** @description 奖励项目所需的事实 */
            facts: {
                [key: string]: unknown;
            };
            /** @description 资金承担：city 市财政，county 县财政 */
            fundingSource: string | null;
            /** @description 资金承担的名称：市财政，或组织所在县（市、区）的财政，如 温岭市财政 */
            fundingSourceName: string | null;
            id: string;
            /** @description 奖励项目编号，如 1.1.g */
            item: string;
            /** @description 奖励项目名称；政策未收录该项目时为 null */
            itemTitle: string | null;
            /** @description 最近一次审核意见 */
            lastComment: string | null;
            /** @description 申报编号，如 QI-2024-000001 */
            number: string;
            /** @description 申报组织的公开信息（不含联系人与收款账户） */
            organization: {
                county: string;
                id: string;
                name: string;
                uscc: string;
            };
            /** @description 最近一次核定所依据的政策编号 */
            policyId: string | null;
            /** @description 项目标识：同一项目的申报按就高不重复（五、附则） */
            project: string | null;
            /** @enum {string} */
            state: "offered" | "draft" | "submitted" | "county_review" | "city_review" | "approved" | "publicity" | "awarded" | "returned" | "rejected" | "withdrawn" | "expired";
            stateName: string;
            /** @description 奖励对象（证书、标准、实验室等） */
            subject: string;
            /** @description 首次提交时间；退回补正后再次提交不变 */
            submittedAt: string | null;
            updatedAt: string;
            /** @description 版本号：修改时须带上 */
            version: number;
        };
        /** @description 申报列表（分页） */
        ApplicationList: {
            /** @description 符合筛选条件的申报按状态计数 */
            countsByState: {
                [key: string]: number;
            };
            items: components["schemas"]["Application"][];
            /** @description 下一页的游标（作为 after 传回）；本页不满一页时为 null */
            nextCursor: string | null;
            page: number;
            pageSize: number;
            total: number;
            /** @description 等待当前用户办理（受理、审核通过、退回补正、不予通过）的状态；企业、财政等为空 */
            waitingStates: ("offered" | "draft" | "submitted" | "county_review" | "city_review" | "approved" | "publicity" | "awarded" | "returned" | "rejected" | "withdrawn" | "expired")[];
        };
        /** @description 申报列表（分页） */
        ApplicationListInput: {
            /** @description 符合筛选条件的申报按状态计数 */
            countsByState: {
                [key: string]: number;
            };
            items: components["schemas"]["ApplicationInput"][];
            /** @description 下一页的游标（作为 after 传回）；本页不满一页时为 null */
            nextCursor: string | null;
            page: number;
            pageSize: number;
            total: number;
            /** @description 等待当前用户办理（受理、审核通过、退回补正、不予通过）的状态；企业、财政等为空 */
            waitingStates: ("offered" | "draft" | "submitted" | "county_review" | "city_review" | "approved" | "publicity" | "awarded" | "returned" | "rejected" | "withdrawn" | "expired")[];
        };
        /** @description 审核步骤的结果 */
        ApplicationStepResult: {
            /** @description 政策引擎的决定；撤回时为 null */
            decision: components["schemas"]["EngineDecision"] | null;
            /**
             * @description 该步骤后的状态
             * @enum {string}
             */
            state: "offered" | "draft" | "submitted" | "county_review" | "city_review" | "approved" | "publicity" | "awarded" | "returned" | "rejected" | "withdrawn" | "expired";
        };
        /** @description 审核步骤的结果 */
        ApplicationStepResultInput: {
            /** @description 政策引擎的决定；撤回时为 null */
            decision: components["schemas"]["EngineDecisionInput"] | null;
            /**
             * @description 该步骤后的状态
             * @enum {string}
             */
            state: "offered" | "draft" | "submitted" | "county_review" | "city_review" | "approved" | "publicity" | "awarded" | "returned" | "rejected" | "withdrawn" | "expired";
        };
        /** @description 一个县（市、区）的得分、名次与逐项计算 */
        AssessmentCountyScore: {
            county: string;
            readonly indicators: {
                /** @description 各县中的最优值；都没有时为 null */
                best: string | null;
                /**
                 * @description higher 越高越好，lower 越低越好
                 * @enum {string}
                 */
                direction: "higher" | "lower";
                /** @description 计算过程，可手工复算 */
                formula: string;
                indicatorId: string;
                name: string;
                /** @description 得分（两位小数文本） */
                points: string;
                /** @description 得分（百分之一分） */
                pointsCenti: number;
                rule: components["schemas"]["AssessmentRule"];
                /** @description 该县的数值；没有时为 null，得 0 分 */
                value: string | null;
                weight: number;
            }[];
            /** @description 名次：总分相同者名次相同（1、2、2、4） */
            rank: number;
            /** @description 得分（两位小数文本） */
            total: string;
            /** @description 总分（百分之一分） */
            totalCenti: number;
        };
        /** @description 一个县（市、区）的得分、名次与逐项计算 */
        AssessmentCountyScoreInput: {
            county: string;
            readonly indicators: {
                /** @description 各县中的最优值；都没有时为 null */
                best: string | null;
                /**
                 * @description higher 越高越好，lower 越低越好
                 * @enum {string}
                 */
                direction: "higher" | "lower";
                /** @description 计算过程，可手工复算 */
                formula: string;
                indicatorId: string;
                name: string;
                /** @description 得分（两位小数文本） */
                points: string;
                /** @description 得分（百分之一分） */
                pointsCenti: number;
                rule: components["schemas"]["AssessmentRuleInput"];
                /** @description 该县的数值；没有时为 null，得 0 分 */
                value: string | null;
                weight: number;
            }[];
            /** @description 名次：总分相同者名次相同（1、2、2、4） */
            rank: number;
            /** @description 得分（两位小数文本） */
            total: string;
            /** @description 总分（百分之一分） */
            totalCenti: number;
        };
        /** @description 考核指标：权重、方向、计分规则与数据来源 */
        AssessmentIndicator: {
            /**
             * @description higher 越高越好，lower 越低越好
             * @enum {string}
             */
            direction: "higher" | "lower";
            id: string;
            name: string;
            rule: components["schemas"]["AssessmentRule"];
            source: components["schemas"]["AssessmentSource"];
            /** @description 权重（整数分值，方案内之和为 100） */
            weight: number;
        };
        /** @description 考核指标：权重、方向、计分规则与数据来源 */
        AssessmentIndicatorInput: {
            /**
             * @description higher 越高越好，lower 越低越好
             * @enum {string}
             */
            direction: "higher" | "lower";
            id: string;
            name: string;
            rule: components["schemas"]["AssessmentRuleInput"];
            source: components["schemas"]["AssessmentSourceInput"];
            /** @description 权重（整数分值，方案内之和为 100） */
            weight: number;
        };
        /** @description 计分规则：relative 相对最优值，threshold 达标得分，linear 区间线性 */
        AssessmentRule: {
            /** @enum {string} */
            kind: "relative";
        } | {
            /** @enum {string} */
            kind: "threshold";
            /** @description 达标值 */
            threshold: string;
        } | {
            /** @enum {string} */
            kind: "linear";
            /** @description 上限 */
            max: string;
            /** @description 下限 */
            min: string;
        };
        /** @description 计分规则：relative 相对最优值，threshold 达标得分，linear 区间线性 */
        AssessmentRuleInput: {
            /** @enum {string} */
            kind: "relative";
        } | {
            /** @enum {string} */
            kind: "threshold";
            /** @description 达标值 */
            threshold: string;
        } | {
            /** @enum {string} */
            kind: "linear";
            /** @description 上限 */
            max: string;
            /** @description 下限 */
            min: string;
        };
        /** @description 一次考核计算：所用方案版本、输入与结果 */
        AssessmentRun: {
            createdAt: string;
            createdBy: string;
            id: string;
            /** @description 计算所用的数值：指标 → 县（市、区） → 数值（十进制数文本，没有时为 null） */
            inputs: {
                [key: string]: {
                    [key: string]: string | null;
                };
            };
            results: {
                /** @description 各县（市、区），按名次 */
                readonly counties: components["schemas"]["AssessmentCountyScore"][];
                readonly indicators: {
                    best: string | null;
                    /**
                     * @description higher 越高越好，lower 越低越好
                     * @enum {string}
                     */
                    direction: "higher" | "lower";
                    id: string;
                    name: string;
                    rule: components["schemas"]["AssessmentRule"];
                    weight: number;
                }[];
            };
            schemeId: string;
            schemeVersion: number;
            year: number;
        };
        /** @description 考核计算的核对结果 */
        AssessmentRunCheck: {
            differences: {
                /** @description 不一致之处，如 counties[3].totalCenti */
                path: string;
                /** @description 重新计算的值 */
                recomputed: unknown;
                /** @description 保存的值 */
                stored: unknown;
            }[];
            /** @description 重新计分的结果与保存的结果一致 */
            ok: boolean;
        };
        /** @description 考核计算的核对结果 */
        AssessmentRunCheckInput: {
            differences: {
                /** @description 不一致之处，如 counties[3].totalCenti */
                path: string;
                /** @description 重新计算的值 */
                recomputed: unknown;
                /** @description 保存的值 */
                stored: unknown;
            }[];
            /** @description 重新计分的结果与保存的结果一致 */
            ok: boolean;
        };
        /** @description 一次考核计算：所用方案版本、输入与结果 */
        AssessmentRunInput: {
            createdAt: string;
            createdBy: string;
            id: string;
            /** @description 计算所用的数值：指标 → 县（市、区） → 数值（十进制数文本，没有时为 null） */
            inputs: {
                [key: string]: {
                    [key: string]: string | null;
                };
            };
            results: {
                /** @description 各县（市、区），按名次 */
                readonly counties: components["schemas"]["AssessmentCountyScoreInput"][];
                readonly indicators: {
                    best: string | null;
                    /**
                     * @description higher 越高越好，lower 越低越好
                     * @enum {string}
                     */
                    direction: "higher" | "lower";
                    id: string;
                    name: string;
                    rule: components["schemas"]["AssessmentRuleInput"];
                    weight: number;
                }[];
            };
            schemeId: string;
            schemeVersion: number;
            year: number;
        };
        /** @description 考核计算记录（新的在前） */
        AssessmentRunList: {
            items: components["schemas"]["AssessmentRunSummary"][];
        };
        /** @description 考核计算记录（新的在前） */
        AssessmentRunListInput: {
            items: components["schemas"]["AssessmentRunSummaryInput"][];
        };
        /** @description 考核计算记录及其排名（不含输入） */
        AssessmentRunSummary: {
            createdAt: string;
            createdBy: string;
            id: string;
            ranking: {
                county: string;
                rank: number;
                /** @description 得分（两位小数文本） */
                total: string;
            }[];
            schemeId: string;
            schemeVersion: number;
            year: number;
        };
        /** @description 考核计算记录及其排名（不含输入） */
        AssessmentRunSummaryInput: {
            createdAt: string;
            createdBy: string;
            id: string;
            ranking: {
                county: string;
                rank: number;
                /** @description 得分（两位小数文本） */
                total: string;
            }[];
            schemeId: string;
            schemeVersion: number;
            year: number;
        };
        /** @description 某年度考核方案的一个版本 */
        AssessmentScheme: {
            createdAt: string;
            createdBy: string;
            id: string;
            indicators: components["schemas"]["AssessmentIndicator"][];
            note: string | null;
            /** @description 该年度方案的版本号，从 1 起 */
            version: number;
            year: number;
        };
        /** @description 某年度考核方案的一个版本 */
        AssessmentSchemeInput: {
            createdAt: string;
            createdBy: string;
            id: string;
            indicators: components["schemas"]["AssessmentIndicatorInput"][];
            note: string | null;
            /** @description 该年度方案的版本号，从 1 起 */
            version: number;
            year: number;
        };
        /** @description 考核方案（各年度各版本，新版本在前） */
        AssessmentSchemeList: {
            items: components["schemas"]["AssessmentScheme"][];
        };
        /** @description 考核方案（各年度各版本，新版本在前） */
        AssessmentSchemeListInput: {
            items: components["schemas"]["AssessmentSchemeInput"][];
        };
        /** @description 指标数值的来源 */
        AssessmentSource: {
            /** @description 只计这些奖励项目；不填为全部 */
            items?: string[];
            /** @enum {string} */
            kind: "awards";
            /**
             * @description count 项数，amount 金额
             * @enum {string}
             */
            measure: "count" | "amount";
        } | {
            /** @enum {string} */
            kind: "targets";
            /** @description 只计这些目标；不填为全部计数目标 */
            targetIds?: string[];
        } | {
            /** @enum {string} */
            kind: "objections_upheld";
        } | {
            /** @description 审核时限（工作日） */
            days: number;
            /** @enum {string} */
            kind: "review_timeliness";
        } | {
            /** @enum {string} */
            kind: "manual";
        };
        /** @description 指标数值的来源 */
        AssessmentSourceInput: {
            /** @description 只计这些奖励项目；不填为全部 */
            items?: string[];
            /** @enum {string} */
            kind: "awards";
            /**
             * @description count 项数，amount 金额
             * @enum {string}
             */
            measure: "count" | "amount";
        } | {
            /** @enum {string} */
            kind: "targets";
            /** @description 只计这些目标；不填为全部计数目标 */
            targetIds?: string[];
        } | {
            /** @enum {string} */
            kind: "objections_upheld";
        } | {
            /** @description 审核时限（工作日） */
            days: number;
            /** @enum {string} */
            kind: "review_timeliness";
        } | {
            /** @enum {string} */
            kind: "manual";
        };
        /** @description 录入的人工指标数值 */
        AssessmentValue: {
            county: string;
            createdAt: string;
            id: string;
            indicatorId: string;
            source: string;
            /** @description 数值（十进制数文本） */
            value: string;
            year: number;
        };
        /** @description 录入的人工指标数值 */
        AssessmentValueInput: {
            county: string;
            createdAt: string;
            id: string;
            indicatorId: string;
            source: string;
            /** @description 数值（十进制数文本） */
            value: string;
            year: number;
        };
        /** @description 审计日志哈希链校验结果：ok 为 true 时完整，否则指出第一条不成立的记录 */
        AuditChainCheck: {
            /** @description 校验过的记录数 */
            entries: number;
            /** @enum {boolean} */
            ok: true;
        } | {
            /** @description 第一条不成立的记录的序号 */
            brokenAt: number;
            /** @description 校验过的记录数 */
            entries: number;
            /** @enum {boolean} */
            ok: false;
            /** @description 不成立的原因 */
            reason: string;
        };
        /** @description 审计日志哈希链校验结果：ok 为 true 时完整，否则指出第一条不成立的记录 */
        AuditChainCheckInput: {
            /** @description 校验过的记录数 */
            entries: number;
            /** @enum {boolean} */
            ok: true;
        } | {
            /** @description 第一条不成立的记录的序号 */
            brokenAt: number;
            /** @description 校验过的记录数 */
            entries: number;
            /** @enum {boolean} */
            ok: false;
            /** @description 不成立的原因 */
            reason: string;
        };
        /** @description 审计记录中一个字段的变化 */
        AuditChange: {
            /** @description 修改后的值；没有时为 null */
            after: string | null;
            /** @description 修改前的值（状态、角色等以中文名表示）；没有时为 null */
            before: string | null;
            /** @description 字段的中文名 */
            field: string;
        };
        /** @description 审计记录中一个字段的变化 */
        AuditChangeInput: {
            /** @description 修改后的值；没有时为 null */
            after: string | null;
            /** @description 修改前的值（状态、角色等以中文名表示）；没有时为 null */
            before: string | null;
            /** @description 字段的中文名 */
            field: string;
        };
        /** @description 审计日志的一条记录 */
        AuditEntry: {
            /** @description 动作代码，如 user.create、application.submit */
            action: string;
            /** @description 动作的中文名，如 申报：审核通过 */
            actionName: string;
            /** @description 操作人；operator 为服务器上的运维命令 */
            actorId: string | null;
            /** @description 操作人的名称（用户名）；公众、运维命令与定时任务为 null */
            actorName: string | null;
            actorRole: string | null;
            /** @description 操作人角色的中文名（含公众、系统、服务器操作员） */
            actorRoleName: string | null;
            /** @description 修改后的值或拒绝的原因（JSON），没有时为 null */
            after: unknown;
            at: string;
            /** @description 修改前的值（JSON），没有时为 null */
            before: unknown;
            /** @description 修改前后的值，逐字段、以中文表示 */
            changes: components["schemas"]["AuditChange"][];
            /** @description 本条的哈希（含上一条的哈希） */
            hash: string;
            ip: string | null;
            /** @description 结果：success 成功、denied 拒绝、failure 失败 */
            outcome: string;
            /** @description 结果的中文名 */
            outcomeName: string;
            /** @description 序号，哈希链中的位置 */
            seq: number;
            /** @description 对象：记录类别与其编号或名称，如 申报 QI-2026-000031、组织 某某公司 */
            target: string | null;
            targetId: string | null;
            targetType: string | null;
        };
        /** @description 审计日志的一条记录 */
        AuditEntryInput: {
            /** @description 动作代码，如 user.create、application.submit */
            action: string;
            /** @description 动作的中文名，如 申报：审核通过 */
            actionName: string;
            /** @description 操作人；operator 为服务器上的运维命令 */
            actorId: string | null;
            /** @description 操作人的名称（用户名）；公众、运维命令与定时任务为 null */
            actorName: string | null;
            actorRole: string | null;
            /** @description 操作人角色的中文名（含公众、系统、服务器操作员） */
            actorRoleName: string | null;
            /** @description 修改后的值或拒绝的原因（JSON），没有时为 null */
            after: unknown;
            at: string;
            /** @description 修改前的值（JSON），没有时为 null */
            before: unknown;
            /** @description 修改前后的值，逐字段、以中文表示 */
            changes: components["schemas"]["AuditChangeInput"][];
            /** @description 本条的哈希（含上一条的哈希） */
            hash: string;
            ip: string | null;
            /** @description 结果：success 成功、denied 拒绝、failure 失败 */
            outcome: string;
            /** @description 结果的中文名 */
            outcomeName: string;
            /** @description 序号，哈希链中的位置 */
            seq: number;
            /** @description 对象：记录类别与其编号或名称，如 申报 QI-2026-000031、组织 某某公司 */
            target: string | null;
            targetId: string | null;
            targetType: string | null;
        };
        /** @description 审计日志的一页（新的在前） */
        AuditPage: {
            items: components["schemas"]["AuditEntry"][];
            /** @description 下一页（更早的记录）的游标，作为 after 传回；本页不满一页时为 null */
            nextCursor: string | null;
            page: number;
            pageSize: number;
            /** @description 符合条件的记录总数 */
            total: number;
        };
        /** @description 审计日志的一页（新的在前） */
        AuditPageInput: {
            items: components["schemas"]["AuditEntryInput"][];
            /** @description 下一页（更早的记录）的游标，作为 after 传回；本页不满一页时为 null */
            nextCursor: string | null;
            page: number;
            pageSize: number;
            /** @description 符合条件的记录总数 */
            total: number;
        };
        /** @description 公示期满转为的奖励 */
        AwardGranted: {
            /** @description 金额（元） */
            amount: number;
            id: string;
            /** @description 奖励编号 */
            number: string;
            /** @description 资金来源：city 或县（市、区）名称 */
            source: string;
            /** @description 预算年度 */
            year: number;
        };
        /** @description 公示期满转为的奖励 */
        AwardGrantedInput: {
            /** @description 金额（元） */
            amount: number;
            id: string;
            /** @description 奖励编号 */
            number: string;
            /** @description 资金来源：city 或县（市、区）名称 */
            source: string;
            /** @description 预算年度 */
            year: number;
        };
        /** @description 奖励列表（分页） */
        AwardList: {
            items: components["schemas"]["AwardRow"][];
            /** @description 下一页的游标（本页最后一笔的奖励编号，作为 after 传回）；本页不满一页或未分页时为 null */
            nextCursor: string | null;
            page: number;
            /** @description 每页条数；未指定时为全部 */
            pageSize: number;
            /** @description 符合条件的奖励数 */
            total: number;
        };
        /** @description 奖励列表（分页） */
        AwardListInput: {
            items: components["schemas"]["AwardRowInput"][];
            /** @description 下一页的游标（本页最后一笔的奖励编号，作为 after 传回）；本页不满一页或未分页时为 null */
            nextCursor: string | null;
            page: number;
            /** @description 每页条数；未指定时为全部 */
            pageSize: number;
            /** @description 符合条件的奖励数 */
            total: number;
        };
        /** @description 撤销或追回后的奖励 */
        AwardReversed: {
            id: string;
            /**
             * @description 撤销后的状态：cancelled（未拨付）或 reversed（已拨付后追回）
             * @enum {string}
             */
            state: "reserved" | "paid" | "cancelled" | "reversed";
        };
        /** @description 撤销或追回后的奖励 */
        AwardReversedInput: {
            id: string;
            /**
             * @description 撤销后的状态：cancelled（未拨付）或 reversed（已拨付后追回）
             * @enum {string}
             */
            state: "reserved" | "paid" | "cancelled" | "reversed";
        };
        /** @description 奖励 */
        AwardRow: {
            /** @description 金额（元） */
            amount: number;
            applicationId: string;
            /** @description 日期 YYYY-MM-DD */
            awardedOn: string;
            /** @description 政策条款 */
            clause: string;
            id: string;
            /** @description 政策条目编号 */
            item: string;
            /** @description 政策条目所属类别（质量品牌、标准化…） */
            itemGroup: string | null;
            /** @description 政策条目名称（按申报所依政策） */
            itemTitle: string;
            /** @description 奖励编号 */
            number: string;
            organization: {
                county: string;
                id: string;
                name: string;
                /** @description 统一社会信用代码 */
                uscc: string;
            };
            /** @description 日期 YYYY-MM-DD */
            paidOn: string | null;
            /** @description 所在的待拨付批次（尚未登记结果） */
            pendingBatch: {
                id: string;
                number: string;
            } | null;
            /** @description 撤销或追回理由 */
            reversalReason: string | null;
            /** @description 资金来源：city 或县（市、区）名称 */
            source: string;
            /** @enum {string} */
            state: "reserved" | "paid" | "cancelled" | "reversed";
            /** @description 状态名称 */
            stateName: string;
            /** @description 预算年度 */
            year: number;
        };
        /** @description 奖励 */
        AwardRowInput: {
            /** @description 金额（元） */
            amount: number;
            applicationId: string;
            /** @description 日期 YYYY-MM-DD */
            awardedOn: string;
            /** @description 政策条款 */
            clause: string;
            id: string;
            /** @description 政策条目编号 */
            item: string;
            /** @description 政策条目所属类别（质量品牌、标准化…） */
            itemGroup: string | null;
            /** @description 政策条目名称（按申报所依政策） */
            itemTitle: string;
            /** @description 奖励编号 */
            number: string;
            organization: {
                county: string;
                id: string;
                name: string;
                /** @description 统一社会信用代码 */
                uscc: string;
            };
            /** @description 日期 YYYY-MM-DD */
            paidOn: string | null;
            /** @description 所在的待拨付批次（尚未登记结果） */
            pendingBatch: {
                id: string;
                number: string;
            } | null;
            /** @description 撤销或追回理由 */
            reversalReason: string | null;
            /** @description 资金来源：city 或县（市、区）名称 */
            source: string;
            /** @enum {string} */
            state: "reserved" | "paid" | "cancelled" | "reversed";
            /** @description 状态名称 */
            stateName: string;
            /** @description 预算年度 */
            year: number;
        };
        /** @description 收款账户变更申请 */
        BankAccountChange: {
            /** @description 申请的账号（完整，供财政核实） */
            account: string;
            bankName: string;
            county: string;
            /** @description 将被替换的已核实账户 */
            current: {
                account: string;
                bankName: string;
            } | null;
            decidedAt: string | null;
            decidedBy: string | null;
            id: string;
            note: string | null;
            /** @description 组织名称 */
            organization: string;
            organizationId: string;
            requestedAt: string;
            /** @description 申请人姓名（无则为用户编号） */
            requestedBy: string;
            /** @description 申请人角色名称 */
            requestedRole: string;
            /** @description 状态：pending、verified、rejected、withdrawn、superseded */
            state: string;
            stateName: string;
            uscc: string;
        };
        /** @description 收款账户变更申请 */
        BankAccountChangeInput: {
            /** @description 申请的账号（完整，供财政核实） */
            account: string;
            bankName: string;
            county: string;
            /** @description 将被替换的已核实账户 */
            current: {
                account: string;
                bankName: string;
            } | null;
            decidedAt: string | null;
            decidedBy: string | null;
            id: string;
            note: string | null;
            /** @description 组织名称 */
            organization: string;
            organizationId: string;
            requestedAt: string;
            /** @description 申请人姓名（无则为用户编号） */
            requestedBy: string;
            /** @description 申请人角色名称 */
            requestedRole: string;
            /** @description 状态：pending、verified、rejected、withdrawn、superseded */
            state: string;
            stateName: string;
            uscc: string;
        };
        /** @description 收款账户变更申请（先提交的在前） */
        BankAccountChangeList: {
            items: components["schemas"]["BankAccountChange"][];
        };
        /** @description 收款账户变更申请（先提交的在前） */
        BankAccountChangeListInput: {
            items: components["schemas"]["BankAccountChangeInput"][];
        };
        /** @description 财政对收款账户变更的决定 */
        BankAccountDecided: {
            /** @description 改为拨付到新账户的未拨付奖励数；不予核实时为 0 */
            awardsRepointed: number;
            id: string;
            /** @enum {string} */
            state: "pending" | "verified" | "rejected" | "withdrawn" | "superseded";
        };
        /** @description 财政对收款账户变更的决定 */
        BankAccountDecidedInput: {
            /** @description 改为拨付到新账户的未拨付奖励数；不予核实时为 0 */
            awardsRepointed: number;
            id: string;
            /** @enum {string} */
            state: "pending" | "verified" | "rejected" | "withdrawn" | "superseded";
        };
        /** @description 已登记的收款账户变更申请 */
        BankAccountRequested: {
            /** @description 账户变更申请编号 */
            id: string;
            /** @enum {string} */
            state: "pending" | "verified" | "rejected" | "withdrawn" | "superseded";
            stateName: string;
        };
        /** @description 已登记的收款账户变更申请 */
        BankAccountRequestedInput: {
            /** @description 账户变更申请编号 */
            id: string;
            /** @enum {string} */
            state: "pending" | "verified" | "rejected" | "withdrawn" | "superseded";
            stateName: string;
        };
        /** @description 已撤回的收款账户变更申请 */
        BankAccountWithdrawn: {
            id: string;
            /** @enum {string} */
            state: "pending" | "verified" | "rejected" | "withdrawn" | "superseded";
        };
        /** @description 已撤回的收款账户变更申请 */
        BankAccountWithdrawnInput: {
            id: string;
            /** @enum {string} */
            state: "pending" | "verified" | "rejected" | "withdrawn" | "superseded";
        };
        /** @description 年度预算及其余额 */
        BudgetBalance: {
            /** @description 已支付（元） */
            paid: number;
            /** @description 剩余（元）= 总额 − 已预留 − 已支付 */
            remaining: number;
            /** @description 已预留（元） */
            reserved: number;
            /** @description 资金来源：city 或县（市、区）名称 */
            source: string;
            /** @description 总额（元） */
            total: number;
            year: number;
        };
        /** @description 年度预算及其余额 */
        BudgetBalanceInput: {
            /** @description 已支付（元） */
            paid: number;
            /** @description 剩余（元）= 总额 − 已预留 − 已支付 */
            remaining: number;
            /** @description 已预留（元） */
            reserved: number;
            /** @description 资金来源：city 或县（市、区）名称 */
            source: string;
            /** @description 总额（元） */
            total: number;
            year: number;
        };
        /** @description 年度预算（含资金来源名称） */
        BudgetListItem: {
            /** @description 已支付（元） */
            paid: number;
            /** @description 剩余（元）= 总额 − 已预留 − 已支付 */
            remaining: number;
            /** @description 已预留（元） */
            reserved: number;
            /** @description 资金来源：city 或县（市、区）名称 */
            source: string;
            /** @description 资金来源名称 */
            sourceName: string;
            /** @description 总额（元） */
            total: number;
            year: number;
        };
        /** @description 年度预算（含资金来源名称） */
        BudgetListItemInput: {
            /** @description 已支付（元） */
            paid: number;
            /** @description 剩余（元）= 总额 − 已预留 − 已支付 */
            remaining: number;
            /** @description 已预留（元） */
            reserved: number;
            /** @description 资金来源：city 或县（市、区）名称 */
            source: string;
            /** @description 资金来源名称 */
            sourceName: string;
            /** @description 总额（元） */
            total: number;
            year: number;
        };
        CalculateResponse: {
            decisions: {
                amountYuan: number;
                claim: string;
                clause: string | null;
                /** @enum {string|null} */
                fundingSource: "city" | "county" | null;
                item: string;
                policy?: string | null;
                reasons: {
                    /** @enum {string} */
                    code: "unknown_item" | "not_fixed_reward" | "outside_validity" | "condition_not_met" | "already_granted" | "same_project" | "cap_reached";
                    message: string;
                }[];
                /** @enum {string} */
                status: "granted" | "partial" | "refused";
                trace?: {
                    /** @enum {string} */
                    check: "catalog" | "validity" | "conditions" | "payOnce" | "sameProject" | "cap" | "funding";
                    clause: string | null;
                    detail: string;
                    inputs: {
                        [key: string]: unknown;
                    };
                    /** @enum {string} */
                    outcome: "pass" | "fail" | "partial" | "skipped";
                }[];
            }[];
            policy: {
                effective: string;
                expires: string;
                id: string;
            };
            /** @description 仅当 include=supplements 时给出：所在县（市、区）配套政策（四（三））的核定，每个政策一项 */
            supplements?: components["schemas"]["SupplementEvaluation"][];
            totalYuan: number;
        };
        CalculateResponseInput: {
            decisions: {
                amountYuan: number;
                claim: string;
                clause: string | null;
                /** @enum {string|null} */
                fundingSource: "city" | "county" | null;
                item: string;
                policy?: string | null;
                reasons: {
                    /** @enum {string} */
                    code: "unknown_item" | "not_fixed_reward" | "outside_validity" | "condition_not_met" | "already_granted" | "same_project" | "cap_reached";
                    message: string;
                }[];
                /** @enum {string} */
                status: "granted" | "partial" | "refused";
                trace?: {
                    /** @enum {string} */
                    check: "catalog" | "validity" | "conditions" | "payOnce" | "sameProject" | "cap" | "funding";
                    clause: string | null;
                    detail: string;
                    inputs: {
                        [key: string]: unknown;
                    };
                    /** @enum {string} */
                    outcome: "pass" | "fail" | "partial" | "skipped";
                }[];
            }[];
            policy: {
                effective: string;
                expires: string;
                id: string;
            };
            /** @description 仅当 include=supplements 时给出：所在县（市、区）配套政策（四（三））的核定，每个政策一项 */
            supplements?: components["schemas"]["SupplementEvaluationInput"][];
            totalYuan: number;
        };
        /** @description 工作日历中的特殊日 */
        CalendarDay: {
            /** @description 日期 YYYY-MM-DD */
            date: string;
            /**
             * @description holiday 节假日，workday 调休上班日
             * @enum {string}
             */
            kind: "holiday" | "workday";
            /** @description 节日或调休名称 */
            name: string;
            /** @description 来源：内置日历或 admin:用户名 */
            source: string;
            /** @description 时刻（ISO 8601，UTC） */
            updated_at: string;
        };
        /** @description 工作日历中的特殊日 */
        CalendarDayInput: {
            /** @description 日期 YYYY-MM-DD */
            date: string;
            /**
             * @description holiday 节假日，workday 调休上班日
             * @enum {string}
             */
            kind: "holiday" | "workday";
            /** @description 节日或调休名称 */
            name: string;
            /** @description 来源：内置日历或 admin:用户名 */
            source: string;
            /** @description 时刻（ISO 8601，UTC） */
            updated_at: string;
        };
        /** @description 申报及其相关记录的一个步骤 */
        CaseEvent: {
            action: string;
            actionName: string;
            actorName: string | null;
            actorRole: string;
            /** @description 该步骤核定或涉及的金额（元） */
            amount: number | null;
            comment: string | null;
            createdAt: string;
            /** @description 该步骤时政策引擎的决定 */
            decision: components["schemas"]["EngineDecision"] | null;
            fromState: string | null;
            fromStateName: string | null;
            /** @description 时间线内唯一：记录类型、记录编号与步骤序号 */
            key: string;
            policyId: string | null;
            /**
             * @description 哪条记录的步骤：申报本身，或其公示、异议、奖励、拨付等
             * @enum {string}
             */
            record: "application" | "publicity_batch" | "publicity_entry" | "objection" | "award" | "payment_line" | "bank_account" | "project_call" | "project_proposal" | "project_tranche" | "project_publicity_entry" | "project_objection" | "policy_pack" | "delivery" | "roster_row";
            recordTitle: string;
            seq: number;
            toState: string;
            toStateName: string;
        };
        /** @description 申报及其相关记录的一个步骤 */
        CaseEventInput: {
            action: string;
            actionName: string;
            actorName: string | null;
            actorRole: string;
            /** @description 该步骤核定或涉及的金额（元） */
            amount: number | null;
            comment: string | null;
            createdAt: string;
            /** @description 该步骤时政策引擎的决定 */
            decision: components["schemas"]["EngineDecisionInput"] | null;
            fromState: string | null;
            fromStateName: string | null;
            /** @description 时间线内唯一：记录类型、记录编号与步骤序号 */
            key: string;
            policyId: string | null;
            /**
             * @description 哪条记录的步骤：申报本身，或其公示、异议、奖励、拨付等
             * @enum {string}
             */
            record: "application" | "publicity_batch" | "publicity_entry" | "objection" | "award" | "payment_line" | "bank_account" | "project_call" | "project_proposal" | "project_tranche" | "project_publicity_entry" | "project_objection" | "policy_pack" | "delivery" | "roster_row";
            recordTitle: string;
            seq: number;
            toState: string;
            toStateName: string;
        };
        /** @description 奖励公示的异议（含异议人信息） */
        CaseObjection: {
            application_id: string;
            batch_id: string;
            /** @description 异议人联系方式（不公开） */
            contact: string;
            /** @description 时刻（ISO 8601，UTC） */
            created_at: string;
            id: string;
            /** @description 异议人姓名（不公开） */
            name: string;
            reason: string;
            /** @description 处理意见 */
            resolution: string | null;
            /** @description 时刻（ISO 8601，UTC） */
            resolved_at: string | null;
            /** @description 处理人（用户编号） */
            resolved_by: string | null;
            /** @enum {string} */
            state: "open" | "upheld" | "dismissed";
        };
        /** @description 奖励公示的异议（含异议人信息） */
        CaseObjectionInput: {
            application_id: string;
            batch_id: string;
            /** @description 异议人联系方式（不公开） */
            contact: string;
            /** @description 时刻（ISO 8601，UTC） */
            created_at: string;
            id: string;
            /** @description 异议人姓名（不公开） */
            name: string;
            reason: string;
            /** @description 处理意见 */
            resolution: string | null;
            /** @description 时刻（ISO 8601，UTC） */
            resolved_at: string | null;
            /** @description 处理人（用户编号） */
            resolved_by: string | null;
            /** @enum {string} */
            state: "open" | "upheld" | "dismissed";
        };
        /** @description 异议已受理 */
        CaseObjectionReceipt: {
            /** @description 异议编号；相同异议重复提交时为首次的编号 */
            id: string;
            /**
             * @description 异议状态：open 待处理，upheld 成立，dismissed 不成立
             * @enum {string}
             */
            state: "open" | "upheld" | "dismissed";
        };
        /** @description 异议已受理 */
        CaseObjectionReceiptInput: {
            /** @description 异议编号；相同异议重复提交时为首次的编号 */
            id: string;
            /**
             * @description 异议状态：open 待处理，upheld 成立，dismissed 不成立
             * @enum {string}
             */
            state: "open" | "upheld" | "dismissed";
        };
        /** @description 异议处理结果 */
        CaseObjectionResolved: {
            id: string;
            /** @enum {string} */
            state: "upheld" | "dismissed";
        };
        /** @description 异议处理结果 */
        CaseObjectionResolvedInput: {
            id: string;
            /** @enum {string} */
            state: "upheld" | "dismissed";
        };
        /** @description 政策引擎现在对本申报的决定（市级），及所在县配套政策的决定 */
        CasePreview: {
            amountYuan: number;
            claim: string;
            clause: string | null;
            /** @enum {string|null} */
            fundingSource: "city" | "county" | null;
            item: string;
            /** @description 作出决定的政策编号；没有政策收录该项目或覆盖该日期时为 null */
            policy: string | null;
            readonly reasons: {
                /** @enum {string} */
                code: "unknown_item" | "not_fixed_reward" | "outside_validity" | "condition_not_met" | "already_granted" | "same_project" | "cap_reached";
                message: string;
            }[];
            /** @enum {string} */
            status: "granted" | "partial" | "refused";
            /** @description 所在县（市、区）配套政策（四（三））对本申报的核定，每个政策一项；县里没有配套政策或其不含本项目时为空 */
            supplements: {
                decision: components["schemas"]["SupplementDecision"];
                policy: {
                    id: string;
                    jurisdiction: string;
                    shortTitle: string;
                };
            }[];
            /** @description 逐项核查过程 */
            readonly trace?: {
                /** @enum {string} */
                check: "catalog" | "validity" | "conditions" | "payOnce" | "sameProject" | "cap" | "funding";
                clause: string | null;
                detail: string;
                inputs: {
                    [key: string]: unknown;
                };
                /** @enum {string} */
                outcome: "pass" | "fail" | "partial" | "skipped";
            }[];
        };
        /** @description 政策引擎现在对本申报的决定（市级），及所在县配套政策的决定 */
        CasePreviewInput: {
            amountYuan: number;
            claim: string;
            clause: string | null;
            /** @enum {string|null} */
            fundingSource: "city" | "county" | null;
            item: string;
            /** @description 作出决定的政策编号；没有政策收录该项目或覆盖该日期时为 null */
            policy: string | null;
            readonly reasons: {
                /** @enum {string} */
                code: "unknown_item" | "not_fixed_reward" | "outside_validity" | "condition_not_met" | "already_granted" | "same_project" | "cap_reached";
                message: string;
            }[];
            /** @enum {string} */
            status: "granted" | "partial" | "refused";
            /** @description 所在县（市、区）配套政策（四（三））对本申报的核定，每个政策一项；县里没有配套政策或其不含本项目时为空 */
            supplements: {
                decision: components["schemas"]["SupplementDecisionInput"];
                policy: {
                    id: string;
                    jurisdiction: string;
                    shortTitle: string;
                };
            }[];
            /** @description 逐项核查过程 */
            readonly trace?: {
                /** @enum {string} */
                check: "catalog" | "validity" | "conditions" | "payOnce" | "sameProject" | "cap" | "funding";
                clause: string | null;
                detail: string;
                inputs: {
                    [key: string]: unknown;
                };
                /** @enum {string} */
                outcome: "pass" | "fail" | "partial" | "skipped";
            }[];
        };
        /** @description 新建的奖励公示批次 */
        CasePublicityBatchCreated: {
            /** @description 公示期最后一日（按工作日历计算） */
            endDate: string;
            id: string;
            /** @description 公示编号，如 GS-2026-0001 */
            number: string;
            /** @description 日期 YYYY-MM-DD */
            startDate: string;
            workingDays: number;
        };
        /** @description 新建的奖励公示批次 */
        CasePublicityBatchCreatedInput: {
            /** @description 公示期最后一日（按工作日历计算） */
            endDate: string;
            id: string;
            /** @description 公示编号，如 GS-2026-0001 */
            number: string;
            /** @description 日期 YYYY-MM-DD */
            startDate: string;
            workingDays: number;
        };
        /** @description 奖励项目：金额、条款、条件、所需事实、资金承担 */
        CatalogItem: {
            amountHistory: components["schemas"]["DatedAmount"][];
            /** @description 在 asOf 当日适用的金额（元）；竞争性项目为 null */
            amountYuan: number | null;
            /** @description 奖励对象 */
            beneficiary: string;
            cap: {
                id: string;
                limitYuan: number;
                ref: string;
                title: string;
            } | null;
            clause: string;
            /** @description 条件：中文说明与形式表达 */
            conditions: {
                formal: string;
                text: string;
            }[];
            /** @description 申报须填写的事实 */
            facts: {
                name: string;
                spec: {
                    label: string;
                    /** @enum {string} */
                    type: "boolean";
                } | {
                    label: string;
                    /** @enum {string} */
                    type: "integer";
                } | {
                    label: string;
                    /** @enum {string} */
                    type: "enum";
                    /** @description 取值及其中文含义 */
                    values: {
                        [key: string]: string;
                    };
                };
            }[];
            /** @description 资金承担 */
            funding: {
                ref: string;
                /** @enum {string} */
                rule: "city" | "by-county";
                text: string;
            };
            /** @description 类别 */
            group: string;
            /** @description 奖励项目编号，如 1.1.g */
            id: string;
            /**
             * @description fixed 固定奖励，competitive 竞争性项目
             * @enum {string}
             */
            kind: "fixed" | "competitive";
            note: string | null;
            title: string;
            /** @description 项目自身的时间窗口 */
            windows: {
                end: string;
                label: string;
                ref: string;
                start: string;
                when: string;
            }[];
        };
        /** @description 奖励项目：金额、条款、条件、所需事实、资金承担 */
        CatalogItemInput: {
            amountHistory: components["schemas"]["DatedAmountInput"][];
            /** @description 在 asOf 当日适用的金额（元）；竞争性项目为 null */
            amountYuan: number | null;
            /** @description 奖励对象 */
            beneficiary: string;
            cap: {
                id: string;
                limitYuan: number;
                ref: string;
                title: string;
            } | null;
            clause: string;
            /** @description 条件：中文说明与形式表达 */
            conditions: {
                formal: string;
                text: string;
            }[];
            /** @description 申报须填写的事实 */
            facts: {
                name: string;
                spec: {
                    label: string;
                    /** @enum {string} */
                    type: "boolean";
                } | {
                    label: string;
                    /** @enum {string} */
                    type: "integer";
                } | {
                    label: string;
                    /** @enum {string} */
                    type: "enum";
                    /** @description 取值及其中文含义 */
                    values: {
                        [key: string]: string;
                    };
                };
            }[];
            /** @description 资金承担 */
            funding: {
                ref: string;
                /** @enum {string} */
                rule: "city" | "by-county";
                text: string;
            };
            /** @description 类别 */
            group: string;
            /** @description 奖励项目编号，如 1.1.g */
            id: string;
            /**
             * @description fixed 固定奖励，competitive 竞争性项目
             * @enum {string}
             */
            kind: "fixed" | "competitive";
            note: string | null;
            title: string;
            /** @description 项目自身的时间窗口 */
            windows: {
                end: string;
                label: string;
                ref: string;
                start: string;
                when: string;
            }[];
        };
        /** @description 当前会话：用户、CSRF 令牌与密码是否过期 */
        CurrentSession: {
            /** @description 修改类请求须放在请求头 X-CSRF-Token 中 */
            csrfToken: string;
            /** @description 密码已过期：须先修改密码才能使用其他功能 */
            passwordExpired: boolean;
            user: components["schemas"]["SessionUser"];
        };
        /** @description 当前会话：用户、CSRF 令牌与密码是否过期 */
        CurrentSessionInput: {
            /** @description 修改类请求须放在请求头 X-CSRF-Token 中 */
            csrfToken: string;
            /** @description 密码已过期：须先修改密码才能使用其他功能 */
            passwordExpired: boolean;
            user: components["schemas"]["SessionUserInput"];
        };
        /** @description 领导看板（汇总数据，无个人信息） */
        Dashboard: {
            /** @description 已预留或已支付的奖励 */
            awards: {
                byCounty: {
                    /** @description 金额（元） */
                    amount: number;
                    /** @description 奖励数 */
                    count: number;
                    key: string;
                }[];
                /** @description 按奖励项目类别 */
                byGroup: {
                    /** @description 金额（元） */
                    amount: number;
                    /** @description 奖励数 */
                    count: number;
                    key: string;
                }[];
                /** @description 按预算年度（总是全部年度） */
                byYear: {
                    /** @description 金额（元） */
                    amount: number;
                    /** @description 奖励数 */
                    count: number;
                    key: string;
                }[];
                total: {
                    amount: number;
                    count: number;
                };
            };
            budgets: {
                paid: number;
                remaining: number;
                reserved: number;
                /** @description 资金来源：city 或县（市、区）名称 */
                source: string;
                sourceName: string;
                total: number;
                year: number;
            }[];
            /** @description 已提交过的申报按状态计数 */
            cases: {
                count: number;
                /** @enum {string} */
                state: "offered" | "draft" | "submitted" | "county_review" | "city_review" | "approved" | "publicity" | "awarded" | "returned" | "rejected" | "withdrawn" | "expired";
            }[];
            /**
             * @description 县级用户只看本县；全市为 null
             * @enum {string|null}
             */
            county: "椒江区" | "黄岩区" | "路桥区" | "临海市" | "温岭市" | "玉环市" | "天台县" | "仙居县" | "三门县" | "台州湾新区" | null;
            reviewSteps: {
                /** @description 平均工作日（一位小数）；无决定时为 null */
                averageDays: number | null;
                /** @description 已作出的决定数 */
                decisions: number;
                name: string;
                /** @description 环节：accept 受理，county 县级初审，city 市级复审 */
                step: string;
            }[];
            /** @description 所查看的年度；不分年度时为 null */
            year: number | null;
        };
        /** @description 领导看板（汇总数据，无个人信息） */
        DashboardInput: {
            /** @description 已预留或已支付的奖励 */
            awards: {
                byCounty: {
                    /** @description 金额（元） */
                    amount: number;
                    /** @description 奖励数 */
                    count: number;
                    key: string;
                }[];
                /** @description 按奖励项目类别 */
                byGroup: {
                    /** @description 金额（元） */
                    amount: number;
                    /** @description 奖励数 */
                    count: number;
                    key: string;
                }[];
                /** @description 按预算年度（总是全部年度） */
                byYear: {
                    /** @description 金额（元） */
                    amount: number;
                    /** @description 奖励数 */
                    count: number;
                    key: string;
                }[];
                total: {
                    amount: number;
                    count: number;
                };
            };
            budgets: {
                paid: number;
                remaining: number;
                reserved: number;
                /** @description 资金来源：city 或县（市、区）名称 */
                source: string;
                sourceName: string;
                total: number;
                year: number;
            }[];
            /** @description 已提交过的申报按状态计数 */
            cases: {
                count: number;
                /** @enum {string} */
                state: "offered" | "draft" | "submitted" | "county_review" | "city_review" | "approved" | "publicity" | "awarded" | "returned" | "rejected" | "withdrawn" | "expired";
            }[];
            /**
             * @description 县级用户只看本县；全市为 null
             * @enum {string|null}
             */
            county: "椒江区" | "黄岩区" | "路桥区" | "临海市" | "温岭市" | "玉环市" | "天台县" | "仙居县" | "三门县" | "台州湾新区" | null;
            reviewSteps: {
                /** @description 平均工作日（一位小数）；无决定时为 null */
                averageDays: number | null;
                /** @description 已作出的决定数 */
                decisions: number;
                name: string;
                /** @description 环节：accept 受理，county 县级初审，city 市级复审 */
                step: string;
            }[];
            /** @description 所查看的年度；不分年度时为 null */
            year: number | null;
        };
        /** @description 随日期变化的金额：自 from 起适用，直到下一条的 from */
        DatedAmount: {
            /** @description 自该日起适用 */
            from: string;
            /** @description 所依据的条款 */
            ref: string;
            /** @description 金额（元） */
            value: number;
        };
        /** @description 随日期变化的金额：自 from 起适用，直到下一条的 from */
        DatedAmountInput: {
            /** @description 自该日起适用 */
            from: string;
            /** @description 所依据的条款 */
            ref: string;
            /** @description 金额（元） */
            value: number;
        };
        /** @description 政策引擎对一条申报的决定：状态、金额、资金来源、条款、理由及核查过程 */
        EngineDecision: {
            amountYuan: number;
            claim: string;
            clause: string | null;
            /** @enum {string|null} */
            fundingSource: "city" | "county" | null;
            item: string;
            /** @description 作出决定的政策编号；没有政策收录该项目或覆盖该日期时为 null */
            policy: string | null;
            readonly reasons: {
                /** @enum {string} */
                code: "unknown_item" | "not_fixed_reward" | "outside_validity" | "condition_not_met" | "already_granted" | "same_project" | "cap_reached";
                message: string;
            }[];
            /** @enum {string} */
            status: "granted" | "partial" | "refused";
            /** @description 逐项核查过程 */
            readonly trace?: {
                /** @enum {string} */
                check: "catalog" | "validity" | "conditions" | "payOnce" | "sameProject" | "cap" | "funding";
                clause: string | null;
                detail: string;
                inputs: {
                    [key: string]: unknown;
                };
                /** @enum {string} */
                outcome: "pass" | "fail" | "partial" | "skipped";
            }[];
        };
        /** @description 政策引擎对一条申报的决定：状态、金额、资金来源、条款、理由及核查过程 */
        EngineDecisionInput: {
            amountYuan: number;
            claim: string;
            clause: string | null;
            /** @enum {string|null} */
            fundingSource: "city" | "county" | null;
            item: string;
            /** @description 作出决定的政策编号；没有政策收录该项目或覆盖该日期时为 null */
            policy: string | null;
            readonly reasons: {
                /** @enum {string} */
                code: "unknown_item" | "not_fixed_reward" | "outside_validity" | "condition_not_met" | "already_granted" | "same_project" | "cap_reached";
                message: string;
            }[];
            /** @enum {string} */
            status: "granted" | "partial" | "refused";
            /** @description 逐项核查过程 */
            readonly trace?: {
                /** @enum {string} */
                check: "catalog" | "validity" | "conditions" | "payOnce" | "sameProject" | "cap" | "funding";
                clause: string | null;
                detail: string;
                inputs: {
                    [key: string]: unknown;
                };
                /** @enum {string} */
                outcome: "pass" | "fail" | "partial" | "skipped";
            }[];
        };
        /** @description 错误：code 为错误码，message 为中文说明，field 指出出错字段 */
        Error: {
            error: {
                code: string;
                /** @description 可据以处理的事实，如 stale_version 时记录的当前版本 currentVersion */
                details?: {
                    [key: string]: string | number;
                };
                field: string | null;
                message: string;
            };
        };
        /** @description 错误：code 为错误码，message 为中文说明，field 指出出错字段 */
        ErrorInput: {
            error: {
                code: string;
                /** @description 可据以处理的事实，如 stale_version 时记录的当前版本 currentVersion */
                details?: {
                    [key: string]: string | number;
                };
                field: string | null;
                message: string;
            };
        };
        /** @description 证明材料 */
        Evidence: {
            createdAt: string;
            id: string;
            /** @description 按文件内容识别的类型 */
            mime: string;
            /** @description 上传时的文件名 */
            name: string;
            sha256: string;
            /** @description 字节数 */
            size: number;
        };
        /** @description 证明材料 */
        EvidenceInput: {
            createdAt: string;
            id: string;
            /** @description 按文件内容识别的类型 */
            mime: string;
            /** @description 上传时的文件名 */
            name: string;
            sha256: string;
            /** @description 字节数 */
            size: number;
        };
        /** @description 专家所在专家组的一次征集及其待评项目 */
        ExpertQueueCall: {
            /** @description 立项后预付款占安排金额的百分比 */
            advancePercent: number;
            /** @description 已安排到入选项目的金额（元） */
            allocated: number;
            /** @description 本次征集预算（元） */
            budget: number;
            /** @description 可申报的项目类别 */
            categories: string[];
            closesOn: string;
            /** @description 专家评分项 */
            criteria: {
                id: string;
                name: string;
                /** @description 权重（各项之和为 100） */
                weight: number;
            }[];
            id: string;
            /** @description 单项申请上限（元）；无上限时为 null */
            maxPerProposal: number | null;
            /** @description 征集编号，如 XM-2026-01 */
            number: string;
            opensOn: string;
            /** @description 及格线（分）：平均分低于此线的项目不予安排 */
            passMark: number;
            proposals: components["schemas"]["ExpertQueueProposal"][];
            /** @description 入选名单的公示批次；公示前为 null */
            publicityBatchId: string | null;
            /** @enum {string} */
            state: "open" | "ranked" | "publicity" | "closed";
            stateName: string;
            title: string;
            year: number;
        };
        /** @description 专家所在专家组的一次征集及其待评项目 */
        ExpertQueueCallInput: {
            /** @description 立项后预付款占安排金额的百分比 */
            advancePercent: number;
            /** @description 已安排到入选项目的金额（元） */
            allocated: number;
            /** @description 本次征集预算（元） */
            budget: number;
            /** @description 可申报的项目类别 */
            categories: string[];
            closesOn: string;
            /** @description 专家评分项 */
            criteria: {
                id: string;
                name: string;
                /** @description 权重（各项之和为 100） */
                weight: number;
            }[];
            id: string;
            /** @description 单项申请上限（元）；无上限时为 null */
            maxPerProposal: number | null;
            /** @description 征集编号，如 XM-2026-01 */
            number: string;
            opensOn: string;
            /** @description 及格线（分）：平均分低于此线的项目不予安排 */
            passMark: number;
            proposals: components["schemas"]["ExpertQueueProposalInput"][];
            /** @description 入选名单的公示批次；公示前为 null */
            publicityBatchId: string | null;
            /** @enum {string} */
            state: "open" | "ranked" | "publicity" | "closed";
            stateName: string;
            title: string;
            year: number;
        };
        /** @description 专家待评列表中的一个项目 */
        ExpertQueueProposal: {
            category: string;
            /** @description 须回避的原因；无须回避为 null */
            conflict: string | null;
            id: string;
            /** @description 自己的加权总分；未评为 null */
            myTotal: number | null;
            number: string;
            requested: number;
            title: string;
        };
        /** @description 专家待评列表中的一个项目 */
        ExpertQueueProposalInput: {
            category: string;
            /** @description 须回避的原因；无须回避为 null */
            conflict: string | null;
            id: string;
            /** @description 自己的加权总分；未评为 null */
            myTotal: number | null;
            number: string;
            requested: number;
            title: string;
        };
        /** @description 运行状态：程序与数据库可用 */
        Health: {
            /**
             * @description 数据库类型
             * @enum {string}
             */
            database: "sqlite" | "postgres";
            /** @description 已收录的政策编号 */
            policies: string[];
            /** @enum {string} */
            status: "ok";
            /** @description 程序版本 */
            version: string;
        };
        /** @description 运行状态：程序与数据库可用 */
        HealthInput: {
            /**
             * @description 数据库类型
             * @enum {string}
             */
            database: "sqlite" | "postgres";
            /** @description 已收录的政策编号 */
            policies: string[];
            /** @enum {string} */
            status: "ok";
            /** @description 程序版本 */
            version: string;
        };
        /** @description 账簿校验结果 */
        LedgerCheck: {
            /** @description 账簿是否一致 */
            ok: boolean;
            /** @description 记账条数 */
            postings: number;
            problems: components["schemas"]["LedgerProblem"][];
        };
        /** @description 账簿校验结果 */
        LedgerCheckInput: {
            /** @description 账簿是否一致 */
            ok: boolean;
            /** @description 记账条数 */
            postings: number;
            problems: components["schemas"]["LedgerProblemInput"][];
        };
        /** @description 账簿校验发现的问题 */
        LedgerProblem: {
            /** @description 中文说明 */
            detail: string;
            /** @description 问题类别：unbalanced posting、balance differs from postings、overspent、postings without budget、award money、paid twice、tranche money */
            what: string;
        };
        /** @description 账簿校验发现的问题 */
        LedgerProblemInput: {
            /** @description 中文说明 */
            detail: string;
            /** @description 问题类别：unbalanced posting、balance differs from postings、overspent、postings without budget、award money、paid twice、tranche money */
            what: string;
        };
        /** @description 登录成功：用户与 CSRF 令牌（会话在 HttpOnly Cookie 中） */
        LoginResult: {
            /** @description 修改类请求须放在请求头 X-CSRF-Token 中 */
            csrfToken: string;
            user: components["schemas"]["SessionUser"];
        };
        /** @description 登录成功：用户与 CSRF 令牌（会话在 HttpOnly Cookie 中） */
        LoginResultInput: {
            /** @description 修改类请求须放在请求头 X-CSRF-Token 中 */
            csrfToken: string;
            user: components["schemas"]["SessionUserInput"];
        };
        /** @description 名称匹配核对的结果 */
        NameReviewResult: {
            application: {
                id: string;
                number: string;
            } | null;
            /** @enum {string|null} */
            decision: "offered" | "refused" | null;
            id: string;
            /** @enum {string} */
            outcome: "matched" | "unmatched";
            reason: string | null;
            version: number;
        };
        /** @description 名称匹配核对的结果 */
        NameReviewResultInput: {
            application: {
                id: string;
                number: string;
            } | null;
            /** @enum {string|null} */
            decision: "offered" | "refused" | null;
            id: string;
            /** @enum {string} */
            outcome: "matched" | "unmatched";
            reason: string | null;
            version: number;
        };
        /** @description 站内通知 */
        Notice: {
            body: string;
            createdAt: string;
            id: string;
            /** @description 类型：bank.requested、bank.verified、bank.rejected、bank.withdrawn */
            kind: string;
            /** @description 点击后打开的页面（如申报详情），无则为 null */
            link: string | null;
            /** @description 当前用户是否已读 */
            read: boolean;
            title: string;
        };
        /** @description 站内通知 */
        NoticeInput: {
            body: string;
            createdAt: string;
            id: string;
            /** @description 类型：bank.requested、bank.verified、bank.rejected、bank.withdrawn */
            kind: string;
            /** @description 点击后打开的页面（如申报详情），无则为 null */
            link: string | null;
            /** @description 当前用户是否已读 */
            read: boolean;
            title: string;
        };
        /** @description 本单位的站内通知（最新在前） */
        NoticeList: {
            items: components["schemas"]["Notice"][];
            /** @description 当前用户未读的通知数（不受筛选和条数限制影响） */
            unread: number;
        };
        /** @description 本单位的站内通知（最新在前） */
        NoticeListInput: {
            items: components["schemas"]["NoticeInput"][];
            /** @description 当前用户未读的通知数（不受筛选和条数限制影响） */
            unread: number;
        };
        /** @description 消息中心之外的通知渠道（站内消息总会保留） */
        NotificationPreferences: {
            /** @description 接收邮件通知的电子邮箱 */
            email: string | null;
            /** @description 是否接收邮件通知 */
            emailEnabled: boolean;
            /** @description 接收短信通知的手机号 */
            phone: string | null;
            /** @description 是否接收短信通知 */
            smsEnabled: boolean;
        };
        /** @description 消息中心之外的通知渠道（站内消息总会保留） */
        NotificationPreferencesInput: {
            /** @description 接收邮件通知的电子邮箱 */
            email: string | null;
            /** @description 是否接收邮件通知 */
            emailEnabled: boolean;
            /** @description 接收短信通知的手机号 */
            phone: string | null;
            /** @description 是否接收短信通知 */
            smsEnabled: boolean;
        };
        /** @description 暂不能接收请求（数据库不可用或迁移未执行完） */
        NotReady: {
            /** @description 原因 */
            reason: string;
            /** @enum {string} */
            status: "not_ready";
        };
        /** @description 暂不能接收请求（数据库不可用或迁移未执行完） */
        NotReadyInput: {
            /** @description 原因 */
            reason: string;
            /** @enum {string} */
            status: "not_ready";
        };
        /** @description 组织（按当前用户可见的范围） */
        Organization: {
            /** @description 收款账户 */
            bank?: {
                /** @description 已核实的账号：财政人员可见全部，其他人只见末四位 */
                account: string | null;
                /** @description 开户银行 */
                name: string | null;
                /** @description 待财政核实的变更申请（仅可修改或核实该组织的用户可见） */
                pending: {
                    account: string | null;
                    id: string;
                    name: string;
                    requestedAt: string;
                } | null;
            };
            /** @description 联系人（个人信息）：仅本组织、辖区审核人员和财政人员可见 */
            contact?: {
                name: string | null;
                phone: string | null;
            };
            /**
             * @description 管辖县（市、区）
             * @enum {string}
             */
            county: "椒江区" | "黄岩区" | "路桥区" | "临海市" | "温岭市" | "玉环市" | "天台县" | "仙居县" | "三门县" | "台州湾新区";
            createdAt: string;
            exclusions: components["schemas"]["OrganizationExclusion"][];
            id: string;
            /** @description 组织类型：enterprise、institution、association、research、other */
            kind: string;
            kindName: string;
            name: string;
            /** @description 统一社会信用代码 */
            uscc: string;
            /** @description 信用代码未通过校验而经核实登记时：核实人与理由 */
            usccOverride: {
                by: string;
                reason: string;
            } | null;
            /** @description 版本号：修改时须带上 */
            version: number;
        };
        /** @description 不予支持情形：生效期间不能新建或提交申报 */
        OrganizationExclusion: {
            /** @description 今日是否生效（已生效且未解除） */
            active: boolean;
            effectiveDate: string;
            id: string;
            /** @description 情形：serious_dishonesty、mujun_d、false_materials、other */
            kind: string;
            kindName: string;
            liftedAt: string | null;
            note: string | null;
            /** @description 依据（名单、评价结果等） */
            source: string;
        };
        /** @description 不予支持情形：生效期间不能新建或提交申报 */
        OrganizationExclusionInput: {
            /** @description 今日是否生效（已生效且未解除） */
            active: boolean;
            effectiveDate: string;
            id: string;
            /** @description 情形：serious_dishonesty、mujun_d、false_materials、other */
            kind: string;
            kindName: string;
            liftedAt: string | null;
            note: string | null;
            /** @description 依据（名单、评价结果等） */
            source: string;
        };
        /** @description 组织（按当前用户可见的范围） */
        OrganizationInput: {
            /** @description 收款账户 */
            bank?: {
                /** @description 已核实的账号：财政人员可见全部，其他人只见末四位 */
                account: string | null;
                /** @description 开户银行 */
                name: string | null;
                /** @description 待财政核实的变更申请（仅可修改或核实该组织的用户可见） */
                pending: {
                    account: string | null;
                    id: string;
                    name: string;
                    requestedAt: string;
                } | null;
            };
            /** @description 联系人（个人信息）：仅本组织、辖区审核人员和财政人员可见 */
            contact?: {
                name: string | null;
                phone: string | null;
            };
            /**
             * @description 管辖县（市、区）
             * @enum {string}
             */
            county: "椒江区" | "黄岩区" | "路桥区" | "临海市" | "温岭市" | "玉环市" | "天台县" | "仙居县" | "三门县" | "台州湾新区";
            createdAt: string;
            exclusions: components["schemas"]["OrganizationExclusionInput"][];
            id: string;
            /** @description 组织类型：enterprise、institution、association、research、other */
            kind: string;
            kindName: string;
            name: string;
            /** @description 统一社会信用代码 */
            uscc: string;
            /** @description 信用代码未通过校验而经核实登记时：核实人与理由 */
            usccOverride: {
                by: string;
                reason: string;
            } | null;
            /** @description 版本号：修改时须带上 */
            version: number;
        };
        /** @description 组织列表（分页） */
        OrganizationList: {
            /** @description 列表中的组织不带不予支持情形（exclusions 为空） */
            items: components["schemas"]["Organization"][];
            page: number;
            pageSize: number;
            total: number;
        };
        /** @description 组织列表（分页） */
        OrganizationListInput: {
            /** @description 列表中的组织不带不予支持情形（exclusions 为空） */
            items: components["schemas"]["OrganizationInput"][];
            page: number;
            pageSize: number;
            total: number;
        };
        /** @description 两个政策的差异 */
        PackDiff: {
            /** @description 新增的奖励项目 */
            added: string[];
            changed: {
                field: string;
                from: unknown;
                /** @description 奖励项目；null 表示政策整体（施行期、资金承担等） */
                item: string | null;
                /** @description 变化说明（含日期与条款） */
                text: string;
                to: unknown;
            }[];
            from: {
                id: string;
                title: string;
            };
            /** @description 删除的奖励项目 */
            removed: string[];
            to: {
                id: string;
                title: string;
            };
        };
        /** @description 两个政策的差异 */
        PackDiffInput: {
            /** @description 新增的奖励项目 */
            added: string[];
            changed: {
                field: string;
                from: unknown;
                /** @description 奖励项目；null 表示政策整体（施行期、资金承担等） */
                item: string | null;
                /** @description 变化说明（含日期与条款） */
                text: string;
                to: unknown;
            }[];
            from: {
                id: string;
                title: string;
            };
            /** @description 删除的奖励项目 */
            removed: string[];
            to: {
                id: string;
                title: string;
            };
        };
        /** @description 政策文件的一处问题 */
        PackProblem: {
            message: string;
            /** @description 出错位置，如 items[12].amount[1].from */
            path: string;
        };
        /** @description 政策文件的一处问题 */
        PackProblemInput: {
            message: string;
            /** @description 出错位置，如 items[12].amount[1].from */
            path: string;
        };
        /** @description 已发布的政策 */
        PackPublished: {
            effective: string;
            expires: string;
            id: string;
            packId: string;
            /** @description 同时废止的政策（编号#版本） */
            repealed: string[];
            revision: number;
            /** @enum {string} */
            state: "draft" | "published" | "repealed";
            version: number;
        };
        /** @description 已发布的政策 */
        PackPublishedInput: {
            effective: string;
            expires: string;
            id: string;
            packId: string;
            /** @description 同时废止的政策（编号#版本） */
            repealed: string[];
            revision: number;
            /** @enum {string} */
            state: "draft" | "published" | "repealed";
            version: number;
        };
        /** @description 已存为草稿的政策版本 */
        PackUploaded: {
            id: string;
            packId: string;
            revision: number;
            /** @enum {string} */
            state: "draft";
            version: number;
        };
        /** @description 已存为草稿的政策版本 */
        PackUploadedInput: {
            id: string;
            packId: string;
            revision: number;
            /** @enum {string} */
            state: "draft";
            version: number;
        };
        /** @description 政策文件校验结果（不保存任何内容） */
        PackValidation: {
            ok: boolean;
            /** @description 文件有效时的概要 */
            pack: {
                effective: string;
                expires: string;
                id: string;
                items: number;
                jurisdiction: string;
                shortTitle: string;
                title: string;
            } | null;
            /** @description 全部问题（一次列出） */
            problems: components["schemas"]["PackProblem"][];
        };
        /** @description 政策文件校验结果（不保存任何内容） */
        PackValidationInput: {
            ok: boolean;
            /** @description 文件有效时的概要 */
            pack: {
                effective: string;
                expires: string;
                id: string;
                items: number;
                jurisdiction: string;
                shortTitle: string;
                title: string;
            } | null;
            /** @description 全部问题（一次列出） */
            problems: components["schemas"]["PackProblemInput"][];
        };
        /** @description 拨付批次及其金额合计 */
        PaymentBatch: {
            /** @description 时刻（ISO 8601，UTC） */
            createdAt: string;
            /** @description 拨付失败金额（元） */
            failed: number;
            id: string;
            /** @description 最近一笔拨付的支付日期 */
            lastPaidDate: string | null;
            /** @description 明细数 */
            lines: number;
            /** @description 拨付批次编号 */
            number: string;
            /** @description 已拨付金额（元） */
            paid: number;
            /** @description 待拨付金额（元） */
            pending: number;
            /** @description 资金来源：city 或县（市、区）名称 */
            source: string;
            /** @description 资金来源名称 */
            sourceName: string;
            /**
             * @description open 尚有待登记结果的明细，settled 已登记完毕
             * @enum {string}
             */
            state: "open" | "settled";
            /** @description 状态名称 */
            stateName: string;
            /** @description 合计金额（元） */
            total: number;
            year: number;
        };
        /** @description 新建的拨付批次 */
        PaymentBatchCreated: {
            id: string;
            /** @description 列入的拨付明细数 */
            lines: number;
            /** @description 拨付批次编号，如 BF-2026-0001 */
            number: string;
            /** @description 因无已核实收款账户未列入的奖励 */
            withoutAccount: {
                /** @description 奖励编号 */
                award: string;
                reason: string;
            }[];
        };
        /** @description 新建的拨付批次 */
        PaymentBatchCreatedInput: {
            id: string;
            /** @description 列入的拨付明细数 */
            lines: number;
            /** @description 拨付批次编号，如 BF-2026-0001 */
            number: string;
            /** @description 因无已核实收款账户未列入的奖励 */
            withoutAccount: {
                /** @description 奖励编号 */
                award: string;
                reason: string;
            }[];
        };
        /** @description 拨付批次明细 */
        PaymentBatchDetail: {
            /** @description 时刻（ISO 8601，UTC） */
            createdAt: string;
            id: string;
            lines: components["schemas"]["PaymentLine"][];
            /** @description 拨付批次编号 */
            number: string;
            /** @description 资金来源：city 或县（市、区）名称 */
            source: string;
            /** @description 资金来源名称 */
            sourceName: string;
            year: number;
        };
        /** @description 拨付批次明细 */
        PaymentBatchDetailInput: {
            /** @description 时刻（ISO 8601，UTC） */
            createdAt: string;
            id: string;
            lines: components["schemas"]["PaymentLineInput"][];
            /** @description 拨付批次编号 */
            number: string;
            /** @description 资金来源：city 或县（市、区）名称 */
            source: string;
            /** @description 资金来源名称 */
            sourceName: string;
            year: number;
        };
        /** @description 拨付批次及其金额合计 */
        PaymentBatchInput: {
            /** @description 时刻（ISO 8601，UTC） */
            createdAt: string;
            /** @description 拨付失败金额（元） */
            failed: number;
            id: string;
            /** @description 最近一笔拨付的支付日期 */
            lastPaidDate: string | null;
            /** @description 明细数 */
            lines: number;
            /** @description 拨付批次编号 */
            number: string;
            /** @description 已拨付金额（元） */
            paid: number;
            /** @description 待拨付金额（元） */
            pending: number;
            /** @description 资金来源：city 或县（市、区）名称 */
            source: string;
            /** @description 资金来源名称 */
            sourceName: string;
            /**
             * @description open 尚有待登记结果的明细，settled 已登记完毕
             * @enum {string}
             */
            state: "open" | "settled";
            /** @description 状态名称 */
            stateName: string;
            /** @description 合计金额（元） */
            total: number;
            year: number;
        };
        /** @description 拨付批次列表（分页） */
        PaymentBatchList: {
            items: components["schemas"]["PaymentBatch"][];
            page: number;
            pageSize: number;
            /** @description 符合条件的批次数 */
            total: number;
        };
        /** @description 拨付批次列表（分页） */
        PaymentBatchListInput: {
            items: components["schemas"]["PaymentBatchInput"][];
            page: number;
            pageSize: number;
            /** @description 符合条件的批次数 */
            total: number;
        };
        /** @description 某预算可生成拨付批次的奖励 */
        PaymentCandidate: {
            /** @description 其金额合计（元） */
            amount: number;
            /** @description 可列入新批次的奖励数（待拨付且不在待登记的批次中） */
            count: number;
            /** @description 资金来源：city 或县（市、区）名称 */
            source: string;
            /** @description 资金来源名称 */
            sourceName: string;
            /** @description 其中无已核实收款账户、生成批次时不列入的笔数 */
            withoutAccount: number;
            /** @description 预算年度 */
            year: number;
        };
        /** @description 某预算可生成拨付批次的奖励 */
        PaymentCandidateInput: {
            /** @description 其金额合计（元） */
            amount: number;
            /** @description 可列入新批次的奖励数（待拨付且不在待登记的批次中） */
            count: number;
            /** @description 资金来源：city 或县（市、区）名称 */
            source: string;
            /** @description 资金来源名称 */
            sourceName: string;
            /** @description 其中无已核实收款账户、生成批次时不列入的笔数 */
            withoutAccount: number;
            /** @description 预算年度 */
            year: number;
        };
        /** @description 拨付明细 */
        PaymentLine: {
            /** @description 该组织有待核实的账户变更 */
            accountChangePending: boolean;
            /** @description 金额（元） */
            amount: number;
            /** @description 奖励编号 */
            award: string;
            /** @description 日期 YYYY-MM-DD */
            awardedOn: string;
            /** @description 账号（列入批次时已核实的账户） */
            bankAccount: string | null;
            /** @description 开户行（列入批次时已核实的账户） */
            bankName: string | null;
            /** @description 政策条款 */
            clause: string;
            failureReason: string | null;
            id: string;
            /** @description 政策条目编号 */
            item: string;
            /** @description 政策条目名称（按申报所依政策） */
            itemTitle: string;
            /** @description 组织名称 */
            organization: string;
            /** @description 日期 YYYY-MM-DD */
            paidDate: string | null;
            /** @enum {string} */
            state: "pending" | "paid" | "failed";
            /** @description 状态名称 */
            stateName: string;
            /** @description 国库支付凭证号 */
            treasuryRef: string | null;
            /** @description 统一社会信用代码 */
            uscc: string;
        };
        /** @description 拨付明细 */
        PaymentLineInput: {
            /** @description 该组织有待核实的账户变更 */
            accountChangePending: boolean;
            /** @description 金额（元） */
            amount: number;
            /** @description 奖励编号 */
            award: string;
            /** @description 日期 YYYY-MM-DD */
            awardedOn: string;
            /** @description 账号（列入批次时已核实的账户） */
            bankAccount: string | null;
            /** @description 开户行（列入批次时已核实的账户） */
            bankName: string | null;
            /** @description 政策条款 */
            clause: string;
            failureReason: string | null;
            id: string;
            /** @description 政策条目编号 */
            item: string;
            /** @description 政策条目名称（按申报所依政策） */
            itemTitle: string;
            /** @description 组织名称 */
            organization: string;
            /** @description 日期 YYYY-MM-DD */
            paidDate: string | null;
            /** @enum {string} */
            state: "pending" | "paid" | "failed";
            /** @description 状态名称 */
            stateName: string;
            /** @description 国库支付凭证号 */
            treasuryRef: string | null;
            /** @description 统一社会信用代码 */
            uscc: string;
        };
        /** @description 登记后的拨付明细状态 */
        PaymentLineResult: {
            id: string;
            /** @enum {string} */
            state: "paid" | "failed";
        };
        /** @description 登记后的拨付明细状态 */
        PaymentLineResultInput: {
            id: string;
            /** @enum {string} */
            state: "paid" | "failed";
        };
        /** @description 政策的奖励项目目录 */
        PolicyCatalog: {
            items: components["schemas"]["CatalogItem"][];
            policy: components["schemas"]["PolicySummary"];
        };
        /** @description 政策的奖励项目目录 */
        PolicyCatalogInput: {
            items: components["schemas"]["CatalogItemInput"][];
            policy: components["schemas"]["PolicySummaryInput"];
        };
        /** @description 某日的政策施行情况 */
        PolicyInForce: {
            date: string;
            /** @description 该日施行的政策；无则为 null */
            inForce: {
                end: string;
                id: string;
                shortTitle: string;
                start: string;
            } | null;
            /** @description 该日之前最后一个有政策施行的日期（无政策施行时，可申报的事件日期截至此日） */
            lastClaimableDay: string | null;
            /** @description 无政策施行时的说明 */
            message: string | null;
            /** @description 已发布的政策及其施行期 */
            packs: {
                end: string;
                id: string;
                shortTitle: string;
                start: string;
            }[];
        };
        /** @description 某日的政策施行情况 */
        PolicyInForceInput: {
            date: string;
            /** @description 该日施行的政策；无则为 null */
            inForce: {
                end: string;
                id: string;
                shortTitle: string;
                start: string;
            } | null;
            /** @description 该日之前最后一个有政策施行的日期（无政策施行时，可申报的事件日期截至此日） */
            lastClaimableDay: string | null;
            /** @description 无政策施行时的说明 */
            message: string | null;
            /** @description 已发布的政策及其施行期 */
            packs: {
                end: string;
                id: string;
                shortTitle: string;
                start: string;
            }[];
        };
        /** @description 已收录的政策 */
        PolicyList: {
            /** @description 现行政策编号 */
            current: string;
            policies: components["schemas"]["PolicySummary"][];
        };
        /** @description 已收录的政策 */
        PolicyListInput: {
            /** @description 现行政策编号 */
            current: string;
            policies: components["schemas"]["PolicySummaryInput"][];
        };
        /** @description 政策匹配：待确认奖励，以及名单已列出、须补充信息后申报的奖励 */
        PolicyMatches: {
            offers: {
                /** @description 预计奖励（元） */
                amount: number;
                /** @description 确认期限（最后一个工作日） */
                confirmBy: string;
                eventDate: string;
                id: string;
                item: string;
                itemTitle: string | null;
                number: string;
                offeredAt: string;
                subject: string;
            }[];
            toComplete: {
                eventDate: string;
                facts: {
                    [key: string]: boolean | number | string;
                };
                item: string;
                itemTitle: string | null;
                missing: {
                    key: string;
                    label: string;
                }[];
                reason: string;
                rowId: string;
                subject: string;
            }[];
        };
        /** @description 政策匹配：待确认奖励，以及名单已列出、须补充信息后申报的奖励 */
        PolicyMatchesInput: {
            offers: {
                /** @description 预计奖励（元） */
                amount: number;
                /** @description 确认期限（最后一个工作日） */
                confirmBy: string;
                eventDate: string;
                id: string;
                item: string;
                itemTitle: string | null;
                number: string;
                offeredAt: string;
                subject: string;
            }[];
            toComplete: {
                eventDate: string;
                facts: {
                    [key: string]: boolean | number | string;
                };
                item: string;
                itemTitle: string | null;
                missing: {
                    key: string;
                    label: string;
                }[];
                reason: string;
                rowId: string;
                subject: string;
            }[];
        };
        /** @description 已收录的政策版本 */
        PolicyRecord: {
            createdAt: string;
            createdBy: string;
            /** @description 施行日期 */
            effective: string;
            /** @description 按有效期计算的最后一日（含） */
            expires: string;
            /** @description 在现行政策集中实际施行的期间（后续政策施行后截止）；草稿为 null */
            governs: {
                end: string;
                start: string;
            } | null;
            /** @description 记录编号（每个上传版本一条） */
            id: string;
            /** @description 适用地区：台州市，或县（市、区）的配套政策 */
            jurisdiction: string;
            /** @description 政策编号；同一政策的各版本相同 */
            packId: string;
            publishedAt: string | null;
            /** @description 版本号：更正即新版本 */
            revision: number;
            /** @description 文件内容的 SHA-256 */
            sha256: string;
            shortTitle: string;
            /** @enum {string} */
            state: "draft" | "published" | "repealed";
            stateName: string;
            title: string;
            /** @description 记录版本（发布、废止时递增） */
            version: number;
        };
        /** @description 一个政策版本及其文件原文 */
        PolicyRecordDetail: {
            createdAt: string;
            createdBy: string;
            /** @description 施行日期 */
            effective: string;
            /** @description 按有效期计算的最后一日（含） */
            expires: string;
            /** @description 在现行政策集中实际施行的期间（后续政策施行后截止）；草稿为 null */
            governs: {
                end: string;
                start: string;
            } | null;
            /** @description 记录编号（每个上传版本一条） */
            id: string;
            /** @description 适用地区：台州市，或县（市、区）的配套政策 */
            jurisdiction: string;
            /** @description 政策编号；同一政策的各版本相同 */
            packId: string;
            publishedAt: string | null;
            /** @description 版本号：更正即新版本 */
            revision: number;
            /** @description 文件内容的 SHA-256 */
            sha256: string;
            shortTitle: string;
            /** @description 上传的政策文件原文（YAML 或 JSON） */
            source: string;
            /** @enum {string} */
            state: "draft" | "published" | "repealed";
            stateName: string;
            title: string;
            /** @description 记录版本（发布、废止时递增） */
            version: number;
        };
        /** @description 一个政策版本及其文件原文 */
        PolicyRecordDetailInput: {
            createdAt: string;
            createdBy: string;
            /** @description 施行日期 */
            effective: string;
            /** @description 按有效期计算的最后一日（含） */
            expires: string;
            /** @description 在现行政策集中实际施行的期间（后续政策施行后截止）；草稿为 null */
            governs: {
                end: string;
                start: string;
            } | null;
            /** @description 记录编号（每个上传版本一条） */
            id: string;
            /** @description 适用地区：台州市，或县（市、区）的配套政策 */
            jurisdiction: string;
            /** @description 政策编号；同一政策的各版本相同 */
            packId: string;
            publishedAt: string | null;
            /** @description 版本号：更正即新版本 */
            revision: number;
            /** @description 文件内容的 SHA-256 */
            sha256: string;
            shortTitle: string;
            /** @description 上传的政策文件原文（YAML 或 JSON） */
            source: string;
            /** @enum {string} */
            state: "draft" | "published" | "repealed";
            stateName: string;
            title: string;
            /** @description 记录版本（发布、废止时递增） */
            version: number;
        };
        /** @description 已收录的政策版本 */
        PolicyRecordInput: {
            createdAt: string;
            createdBy: string;
            /** @description 施行日期 */
            effective: string;
            /** @description 按有效期计算的最后一日（含） */
            expires: string;
            /** @description 在现行政策集中实际施行的期间（后续政策施行后截止）；草稿为 null */
            governs: {
                end: string;
                start: string;
            } | null;
            /** @description 记录编号（每个上传版本一条） */
            id: string;
            /** @description 适用地区：台州市，或县（市、区）的配套政策 */
            jurisdiction: string;
            /** @description 政策编号；同一政策的各版本相同 */
            packId: string;
            publishedAt: string | null;
            /** @description 版本号：更正即新版本 */
            revision: number;
            /** @description 文件内容的 SHA-256 */
            sha256: string;
            shortTitle: string;
            /** @enum {string} */
            state: "draft" | "published" | "repealed";
            stateName: string;
            title: string;
            /** @description 记录版本（发布、废止时递增） */
            version: number;
        };
        /** @description 已收录的政策（草稿、已发布、已废止） */
        PolicyRecordList: {
            items: components["schemas"]["PolicyRecord"][];
        };
        /** @description 已收录的政策（草稿、已发布、已废止） */
        PolicyRecordListInput: {
            items: components["schemas"]["PolicyRecordInput"][];
        };
        /** @description 沙盘推演结果 */
        PolicySimulation: {
            /** @description 按当时施行的政策核定 */
            baseline: components["schemas"]["SimulationFigures"];
            /** @description 市级专项资金年度预算（四（二），系统设置） */
            cityFundBudget: number;
            /** @description 参与推演的历史申报数 */
            claims: number;
            /** @description 县级配套政策（四（三））的推演：只含该县组织的申报，金额均为该县承担，以该县预算为参照；市级政策为 null */
            county: {
                /** @description 该县（市、区）各年度预算总额（已登记的年度） */
                budgetByYear: {
                    [key: string]: number;
                };
                name: string;
            } | null;
            /** @description 草稿合计减原合计（元） */
            deltaYuan: number;
            /** @description 按草稿政策核定（视同草稿当时施行） */
            draft: components["schemas"]["SimulationFigures"];
            draftPack: {
                effective: string;
                id: string;
                title: string;
            };
            from: string | null;
            /** @description 推演编号（结果已保存） */
            id: string;
            to: string | null;
        };
        /** @description 沙盘推演结果 */
        PolicySimulationInput: {
            /** @description 按当时施行的政策核定 */
            baseline: components["schemas"]["SimulationFiguresInput"];
            /** @description 市级专项资金年度预算（四（二），系统设置） */
            cityFundBudget: number;
            /** @description 参与推演的历史申报数 */
            claims: number;
            /** @description 县级配套政策（四（三））的推演：只含该县组织的申报，金额均为该县承担，以该县预算为参照；市级政策为 null */
            county: {
                /** @description 该县（市、区）各年度预算总额（已登记的年度） */
                budgetByYear: {
                    [key: string]: number;
                };
                name: string;
            } | null;
            /** @description 草稿合计减原合计（元） */
            deltaYuan: number;
            /** @description 按草稿政策核定（视同草稿当时施行） */
            draft: components["schemas"]["SimulationFiguresInput"];
            draftPack: {
                effective: string;
                id: string;
                title: string;
            };
            from: string | null;
            /** @description 推演编号（结果已保存） */
            id: string;
            to: string | null;
        };
        /** @description 已收录的政策：施行期、上限、目标和解读 */
        PolicySummary: {
            /** @description 累计奖励上限 */
            caps: {
                id: string;
                /** @description 受该上限约束的奖励项目 */
                items: string[];
                limit: components["schemas"]["DatedAmount"][];
                /** @description 上限的计算单位：organization 每个组织 */
                per: string;
                title: string;
            }[];
            /** @description 施行首日 */
            effective: string;
            /** @description 有效期最后一日（含） */
            expires: string;
            id: string;
            itemCount: number;
            jurisdiction: string;
            /** @description 对条款的解读（采用的理解） */
            readings: {
                ref: string;
                text: string;
                topic: string;
            }[];
            /** @description 同时废止的文件 */
            repeals: {
                id: string;
                ref: string;
                title: string;
            }[];
            shortTitle: string;
            readonly targets: components["schemas"]["PolicyTarget"][];
            title: string;
            validityRef: string;
        };
        /** @description 已收录的政策：施行期、上限、目标和解读 */
        PolicySummaryInput: {
            /** @description 累计奖励上限 */
            caps: {
                id: string;
                /** @description 受该上限约束的奖励项目 */
                items: string[];
                limit: components["schemas"]["DatedAmountInput"][];
                /** @description 上限的计算单位：organization 每个组织 */
                per: string;
                title: string;
            }[];
            /** @description 施行首日 */
            effective: string;
            /** @description 有效期最后一日（含） */
            expires: string;
            id: string;
            itemCount: number;
            jurisdiction: string;
            /** @description 对条款的解读（采用的理解） */
            readings: {
                ref: string;
                text: string;
                topic: string;
            }[];
            /** @description 同时废止的文件 */
            repeals: {
                id: string;
                ref: string;
                title: string;
            }[];
            shortTitle: string;
            readonly targets: components["schemas"]["PolicyTargetInput"][];
            title: string;
            validityRef: string;
        };
        /** @description 政策规定的工作目标 */
        PolicyTarget: {
            /**
             * @description gte 不少于，gt 多于
             * @enum {string}
             */
            comparator: "gte" | "gt";
            /** @description 计数方法：按奖励项目统计不同组织或对象（distinct），或由授权人员录入（manual） */
            counting: {
                definition: string;
                items: string[];
                /** @enum {string} */
                kind: "distinct";
                /** @enum {string} */
                unit: "organization" | "subject";
            } | {
                definition: string;
                /** @enum {string} */
                kind: "manual";
            };
            /** @description 目标期限 */
            deadline: string;
            id: string;
            /** @description 指标 */
            indicator: string;
            /** @description 所依据的条款 */
            ref: string;
            unit: string;
            value: number;
        };
        /** @description 政策规定的工作目标 */
        PolicyTargetInput: {
            /**
             * @description gte 不少于，gt 多于
             * @enum {string}
             */
            comparator: "gte" | "gt";
            /** @description 计数方法：按奖励项目统计不同组织或对象（distinct），或由授权人员录入（manual） */
            counting: {
                definition: string;
                items: string[];
                /** @enum {string} */
                kind: "distinct";
                /** @enum {string} */
                unit: "organization" | "subject";
            } | {
                definition: string;
                /** @enum {string} */
                kind: "manual";
            };
            /** @description 目标期限 */
            deadline: string;
            id: string;
            /** @description 指标 */
            indicator: string;
            /** @description 所依据的条款 */
            ref: string;
            unit: string;
            value: number;
        };
        /** @description 登记验收后的项目状态 */
        ProjectAcceptanceRecorded: {
            id: string;
            /** @description 验收未通过时释放的预留资金（元）；通过为 0 */
            released: number;
            /** @enum {string} */
            state: "submitted" | "withdrawn" | "ranked" | "not_selected" | "publicity" | "rejected" | "waiting_budget" | "funded" | "accepted" | "acceptance_failed";
        };
        /** @description 登记验收后的项目状态 */
        ProjectAcceptanceRecordedInput: {
            id: string;
            /** @description 验收未通过时释放的预留资金（元）；通过为 0 */
            released: number;
            /** @enum {string} */
            state: "submitted" | "withdrawn" | "ranked" | "not_selected" | "publicity" | "rejected" | "waiting_budget" | "funded" | "accepted" | "acceptance_failed";
        };
        /** @description 年度公共项目征集 */
        ProjectCall: {
            /** @description 立项后预付款占安排金额的百分比 */
            advancePercent: number;
            /** @description 已安排到入选项目的金额（元） */
            allocated: number;
            /** @description 本次征集预算（元） */
            budget: number;
            /** @description 可申报的项目类别 */
            categories: string[];
            closesOn: string;
            /** @description 专家评分项 */
            criteria: {
                id: string;
                name: string;
                /** @description 权重（各项之和为 100） */
                weight: number;
            }[];
            id: string;
            /** @description 单项申请上限（元）；无上限时为 null */
            maxPerProposal: number | null;
            /** @description 征集编号，如 XM-2026-01 */
            number: string;
            opensOn: string;
            /** @description 及格线（分）：平均分低于此线的项目不予安排 */
            passMark: number;
            /** @description 入选名单的公示批次；公示前为 null */
            publicityBatchId: string | null;
            /** @enum {string} */
            state: "open" | "ranked" | "publicity" | "closed";
            stateName: string;
            title: string;
            year: number;
        };
        /** @description 项目征集详情：申报、专家组、排序 */
        ProjectCallDetail: {
            /** @description 立项后预付款占安排金额的百分比 */
            advancePercent: number;
            /** @description 已安排到入选项目的金额（元） */
            allocated: number;
            /** @description 本次征集预算（元） */
            budget: number;
            /** @description 可申报的项目类别 */
            categories: string[];
            closesOn: string;
            /** @description 专家评分项 */
            criteria: {
                id: string;
                name: string;
                /** @description 权重（各项之和为 100） */
                weight: number;
            }[];
            id: string;
            /** @description 单项申请上限（元）；无上限时为 null */
            maxPerProposal: number | null;
            /** @description 征集编号，如 XM-2026-01 */
            number: string;
            opensOn: string;
            /** @description 评审专家组及评分进度；仅市级和组内专家可见，其他人为空 */
            panel: {
                displayName: string;
                id: string;
                /** @description 已提交的评分份数 */
                scored: number;
            }[];
            /** @description 及格线（分）：平均分低于此线的项目不予安排 */
            passMark: number;
            /** @description 查看者可列出的申报，按名次 */
            proposals: components["schemas"]["ProjectProposalInCall"][];
            /** @description 入选名单的公示批次；公示前为 null */
            publicityBatchId: string | null;
            /** @enum {string} */
            state: "open" | "ranked" | "publicity" | "closed";
            stateName: string;
            title: string;
            year: number;
        };
        /** @description 项目征集详情：申报、专家组、排序 */
        ProjectCallDetailInput: {
            /** @description 立项后预付款占安排金额的百分比 */
            advancePercent: number;
            /** @description 已安排到入选项目的金额（元） */
            allocated: number;
            /** @description 本次征集预算（元） */
            budget: number;
            /** @description 可申报的项目类别 */
            categories: string[];
            closesOn: string;
            /** @description 专家评分项 */
            criteria: {
                id: string;
                name: string;
                /** @description 权重（各项之和为 100） */
                weight: number;
            }[];
            id: string;
            /** @description 单项申请上限（元）；无上限时为 null */
            maxPerProposal: number | null;
            /** @description 征集编号，如 XM-2026-01 */
            number: string;
            opensOn: string;
            /** @description 评审专家组及评分进度；仅市级和组内专家可见，其他人为空 */
            panel: {
                displayName: string;
                id: string;
                /** @description 已提交的评分份数 */
                scored: number;
            }[];
            /** @description 及格线（分）：平均分低于此线的项目不予安排 */
            passMark: number;
            /** @description 查看者可列出的申报，按名次 */
            proposals: components["schemas"]["ProjectProposalInCallInput"][];
            /** @description 入选名单的公示批次；公示前为 null */
            publicityBatchId: string | null;
            /** @enum {string} */
            state: "open" | "ranked" | "publicity" | "closed";
            stateName: string;
            title: string;
            year: number;
        };
        /** @description 年度公共项目征集 */
        ProjectCallInput: {
            /** @description 立项后预付款占安排金额的百分比 */
            advancePercent: number;
            /** @description 已安排到入选项目的金额（元） */
            allocated: number;
            /** @description 本次征集预算（元） */
            budget: number;
            /** @description 可申报的项目类别 */
            categories: string[];
            closesOn: string;
            /** @description 专家评分项 */
            criteria: {
                id: string;
                name: string;
                /** @description 权重（各项之和为 100） */
                weight: number;
            }[];
            id: string;
            /** @description 单项申请上限（元）；无上限时为 null */
            maxPerProposal: number | null;
            /** @description 征集编号，如 XM-2026-01 */
            number: string;
            opensOn: string;
            /** @description 及格线（分）：平均分低于此线的项目不予安排 */
            passMark: number;
            /** @description 入选名单的公示批次；公示前为 null */
            publicityBatchId: string | null;
            /** @enum {string} */
            state: "open" | "ranked" | "publicity" | "closed";
            stateName: string;
            title: string;
            year: number;
        };
        /** @description 专家已申报回避 */
        ProjectConflictDeclared: {
            /** @description 总为 true */
            conflict: boolean;
            proposalId: string;
            reason: string;
        };
        /** @description 专家已申报回避 */
        ProjectConflictDeclaredInput: {
            /** @description 总为 true */
            conflict: boolean;
            proposalId: string;
            reason: string;
        };
        /** @description 可选入专家组的评审专家账号 */
        ProjectExpert: {
            displayName: string;
            id: string;
            /** @description 所在单位；无则为 null */
            organization: string | null;
            username: string;
        };
        /** @description 可选入专家组的评审专家账号 */
        ProjectExpertInput: {
            displayName: string;
            id: string;
            /** @description 所在单位；无则为 null */
            organization: string | null;
            username: string;
        };
        /** @description 公共项目公示的异议（含异议人联系方式） */
        ProjectObjection: {
            batch_id: string;
            /** @description 异议人联系方式（不公开） */
            contact: string;
            created_at: string;
            id: string;
            /** @description 异议人姓名（不公开） */
            name: string;
            proposal_id: string;
            reason: string;
            resolution: string | null;
            resolved_at: string | null;
            resolved_by: string | null;
            /** @enum {string} */
            state: "open" | "upheld" | "dismissed";
        };
        /** @description 公共项目公示的异议（含异议人联系方式） */
        ProjectObjectionInput: {
            batch_id: string;
            /** @description 异议人联系方式（不公开） */
            contact: string;
            created_at: string;
            id: string;
            /** @description 异议人姓名（不公开） */
            name: string;
            proposal_id: string;
            reason: string;
            resolution: string | null;
            resolved_at: string | null;
            resolved_by: string | null;
            /** @enum {string} */
            state: "open" | "upheld" | "dismissed";
        };
        /** @description 已受理的公共项目公示异议 */
        ProjectObjectionReceipt: {
            id: string;
            /**
             * @description 异议状态；相同异议重复提出时为首次异议的当前状态
             * @enum {string}
             */
            state: "open" | "upheld" | "dismissed";
        };
        /** @description 已受理的公共项目公示异议 */
        ProjectObjectionReceiptInput: {
            id: string;
            /**
             * @description 异议状态；相同异议重复提出时为首次异议的当前状态
             * @enum {string}
             */
            state: "open" | "upheld" | "dismissed";
        };
        /** @description 公共项目公示异议的处理结果 */
        ProjectObjectionResolved: {
            id: string;
            /** @enum {string} */
            state: "upheld" | "dismissed";
        };
        /** @description 公共项目公示异议的处理结果 */
        ProjectObjectionResolvedInput: {
            id: string;
            /** @enum {string} */
            state: "upheld" | "dismissed";
        };
        /** @description 评审专家组中的一席 */
        ProjectPanelSeat: {
            callId: string;
            displayName: string;
            userId: string;
        };
        /** @description 评审专家组中的一席 */
        ProjectPanelSeatInput: {
            callId: string;
            displayName: string;
            userId: string;
        };
        /** @description 项目申报，按查看者的权限给出 */
        ProjectProposal: {
            /** @description 验收意见；须回避的专家看不到此项（字段不出现） */
            acceptanceNote?: string | null;
            /** @description 验收日期；须回避的专家看不到此项（字段不出现） */
            acceptedOn?: string | null;
            callId: string;
            category: string;
            /** @description 当前专家须回避的原因；无须回避为 null */
            conflict: string | null;
            county: string;
            /** @description 择优结果说明；须回避的专家看不到此项（字段不出现） */
            decisionNote?: string | null;
            /** @description 申报材料；须回避的专家为空 */
            documents: components["schemas"]["ProjectProposalDocument"][];
            /** @description 安排金额（元）；须回避的专家看不到此项（字段不出现） */
            fundedAmount?: number | null;
            id: string;
            number: string;
            /** @description 申报单位名称 */
            organization: string;
            organizationId: string;
            /** @description 实施方案；须回避的专家为 null */
            plan: string | null;
            /** @description 排序名次；须回避的专家看不到此项（字段不出现） */
            rank?: number | null;
            /** @description 申请金额（元） */
            requested: number;
            /** @description 标准化得分（各专家 z 分数的平均）；须回避的专家看不到此项（字段不出现） */
            score?: number | null;
            /** @description 当前专家是否已评分；须回避的专家看不到此项（字段不出现） */
            scored?: boolean;
            /** @description 可见的专家评分（盲评：专家提交自己的评分后才见他人）；须回避的专家看不到此项（字段不出现） */
            scores?: components["schemas"]["ProjectScore"][];
            /** @enum {string} */
            state: "submitted" | "withdrawn" | "ranked" | "not_selected" | "publicity" | "rejected" | "waiting_budget" | "funded" | "accepted" | "acceptance_failed";
            stateName: string;
            submittedAt: string;
            title: string;
            /** @description 拨付款项；须回避的专家看不到此项（字段不出现） */
            tranches?: components["schemas"]["ProjectTranche"][];
        };
        /** @description 项目申报材料 */
        ProjectProposalDocument: {
            createdAt: string;
            id: string;
            mime: string;
            name: string;
            sha256: string;
            /** @description 字节数 */
            size: number;
        };
        /** @description 项目申报材料 */
        ProjectProposalDocumentInput: {
            createdAt: string;
            id: string;
            mime: string;
            name: string;
            sha256: string;
            /** @description 字节数 */
            size: number;
        };
        /** @description 征集详情中列出的项目申报（不含实施方案） */
        ProjectProposalInCall: {
            /** @description 验收意见；须回避的专家看不到此项（字段不出现） */
            acceptanceNote?: string | null;
            /** @description 验收日期；须回避的专家看不到此项（字段不出现） */
            acceptedOn?: string | null;
            callId: string;
            category: string;
            /** @description 当前专家须回避的原因；无须回避为 null */
            conflict: string | null;
            county: string;
            /** @description 择优结果说明；须回避的专家看不到此项（字段不出现） */
            decisionNote?: string | null;
            /** @description 申报材料；须回避的专家为空 */
            documents: components["schemas"]["ProjectProposalDocument"][];
            /** @description 安排金额（元）；须回避的专家看不到此项（字段不出现） */
            fundedAmount?: number | null;
            id: string;
            number: string;
            /** @description 申报单位名称 */
            organization: string;
            organizationId: string;
            /** @description 排序名次；须回避的专家看不到此项（字段不出现） */
            rank?: number | null;
            /** @description 申请金额（元） */
            requested: number;
            /** @description 标准化得分（各专家 z 分数的平均）；须回避的专家看不到此项（字段不出现） */
            score?: number | null;
            /** @description 当前专家是否已评分；须回避的专家看不到此项（字段不出现） */
            scored?: boolean;
            /** @description 可见的专家评分（盲评：专家提交自己的评分后才见他人）；须回避的专家看不到此项（字段不出现） */
            scores?: components["schemas"]["ProjectScore"][];
            /** @enum {string} */
            state: "submitted" | "withdrawn" | "ranked" | "not_selected" | "publicity" | "rejected" | "waiting_budget" | "funded" | "accepted" | "acceptance_failed";
            stateName: string;
            submittedAt: string;
            title: string;
            /** @description 拨付款项；须回避的专家看不到此项（字段不出现） */
            tranches?: components["schemas"]["ProjectTranche"][];
        };
        /** @description 征集详情中列出的项目申报（不含实施方案） */
        ProjectProposalInCallInput: {
            /** @description 验收意见；须回避的专家看不到此项（字段不出现） */
            acceptanceNote?: string | null;
            /** @description 验收日期；须回避的专家看不到此项（字段不出现） */
            acceptedOn?: string | null;
            callId: string;
            category: string;
            /** @description 当前专家须回避的原因；无须回避为 null */
            conflict: string | null;
            county: string;
            /** @description 择优结果说明；须回避的专家看不到此项（字段不出现） */
            decisionNote?: string | null;
            /** @description 申报材料；须回避的专家为空 */
            documents: components["schemas"]["ProjectProposalDocumentInput"][];
            /** @description 安排金额（元）；须回避的专家看不到此项（字段不出现） */
            fundedAmount?: number | null;
            id: string;
            number: string;
            /** @description 申报单位名称 */
            organization: string;
            organizationId: string;
            /** @description 排序名次；须回避的专家看不到此项（字段不出现） */
            rank?: number | null;
            /** @description 申请金额（元） */
            requested: number;
            /** @description 标准化得分（各专家 z 分数的平均）；须回避的专家看不到此项（字段不出现） */
            score?: number | null;
            /** @description 当前专家是否已评分；须回避的专家看不到此项（字段不出现） */
            scored?: boolean;
            /** @description 可见的专家评分（盲评：专家提交自己的评分后才见他人）；须回避的专家看不到此项（字段不出现） */
            scores?: components["schemas"]["ProjectScoreInput"][];
            /** @enum {string} */
            state: "submitted" | "withdrawn" | "ranked" | "not_selected" | "publicity" | "rejected" | "waiting_budget" | "funded" | "accepted" | "acceptance_failed";
            stateName: string;
            submittedAt: string;
            title: string;
            /** @description 拨付款项；须回避的专家看不到此项（字段不出现） */
            tranches?: components["schemas"]["ProjectTrancheInput"][];
        };
        /** @description 项目申报，按查看者的权限给出 */
        ProjectProposalInput: {
            /** @description 验收意见；须回避的专家看不到此项（字段不出现） */
            acceptanceNote?: string | null;
            /** @description 验收日期；须回避的专家看不到此项（字段不出现） */
            acceptedOn?: string | null;
            callId: string;
            category: string;
            /** @description 当前专家须回避的原因；无须回避为 null */
            conflict: string | null;
            county: string;
            /** @description 择优结果说明；须回避的专家看不到此项（字段不出现） */
            decisionNote?: string | null;
            /** @description 申报材料；须回避的专家为空 */
            documents: components["schemas"]["ProjectProposalDocumentInput"][];
            /** @description 安排金额（元）；须回避的专家看不到此项（字段不出现） */
            fundedAmount?: number | null;
            id: string;
            number: string;
            /** @description 申报单位名称 */
            organization: string;
            organizationId: string;
            /** @description 实施方案；须回避的专家为 null */
            plan: string | null;
            /** @description 排序名次；须回避的专家看不到此项（字段不出现） */
            rank?: number | null;
            /** @description 申请金额（元） */
            requested: number;
            /** @description 标准化得分（各专家 z 分数的平均）；须回避的专家看不到此项（字段不出现） */
            score?: number | null;
            /** @description 当前专家是否已评分；须回避的专家看不到此项（字段不出现） */
            scored?: boolean;
            /** @description 可见的专家评分（盲评：专家提交自己的评分后才见他人）；须回避的专家看不到此项（字段不出现） */
            scores?: components["schemas"]["ProjectScoreInput"][];
            /** @enum {string} */
            state: "submitted" | "withdrawn" | "ranked" | "not_selected" | "publicity" | "rejected" | "waiting_budget" | "funded" | "accepted" | "acceptance_failed";
            stateName: string;
            submittedAt: string;
            title: string;
            /** @description 拨付款项；须回避的专家看不到此项（字段不出现） */
            tranches?: components["schemas"]["ProjectTrancheInput"][];
        };
        /** @description 撤回后的项目申报状态 */
        ProjectProposalWithdrawn: {
            id: string;
            /** @enum {string} */
            state: "submitted" | "withdrawn" | "ranked" | "not_selected" | "publicity" | "rejected" | "waiting_budget" | "funded" | "accepted" | "acceptance_failed";
        };
        /** @description 撤回后的项目申报状态 */
        ProjectProposalWithdrawnInput: {
            id: string;
            /** @enum {string} */
            state: "submitted" | "withdrawn" | "ranked" | "not_selected" | "publicity" | "rejected" | "waiting_budget" | "funded" | "accepted" | "acceptance_failed";
        };
        /** @description 排序中的一个项目 */
        ProjectRankedProposal: {
            /** @description 有评分且平均分不低于及格线 */
            fundable: boolean;
            id: string;
            /** @description 原始平均分 × 100（四舍五入） */
            meanCenti: number;
            number: string;
            rank: number;
            requested: number;
            /** @description 有效评分份数 */
            scoreCount: number;
            /** @description 标准化得分 × 10⁶（四舍五入） */
            scoreMicro: number;
        };
        /** @description 排序中的一个项目 */
        ProjectRankedProposalInput: {
            /** @description 有评分且平均分不低于及格线 */
            fundable: boolean;
            id: string;
            /** @description 原始平均分 × 100（四舍五入） */
            meanCenti: number;
            number: string;
            rank: number;
            requested: number;
            /** @description 有效评分份数 */
            scoreCount: number;
            /** @description 标准化得分 × 10⁶（四舍五入） */
            scoreMicro: number;
        };
        /** @description 项目征集的评审排序 */
        ProjectRanking: {
            callId: string;
            ranking: components["schemas"]["ProjectRankedProposal"][];
        };
        /** @description 由存储的评分重算排序的核对结果 */
        ProjectRankingCheck: {
            callId: string;
            /** @description 名次或得分不一致的项目编号 */
            differences: string[];
            /** @description 重算结果与存储的排序一致 */
            ok: boolean;
            /** @description 由存储的评分重算的排序 */
            ranking: components["schemas"]["ProjectRankedProposal"][];
        };
        /** @description 由存储的评分重算排序的核对结果 */
        ProjectRankingCheckInput: {
            callId: string;
            /** @description 名次或得分不一致的项目编号 */
            differences: string[];
            /** @description 重算结果与存储的排序一致 */
            ok: boolean;
            /** @description 由存储的评分重算的排序 */
            ranking: components["schemas"]["ProjectRankedProposalInput"][];
        };
        /** @description 项目征集的评审排序 */
        ProjectRankingInput: {
            callId: string;
            ranking: components["schemas"]["ProjectRankedProposalInput"][];
        };
        /** @description 一位专家对项目的评分 */
        ProjectScore: {
            comment: string | null;
            /** @description 专家姓名 */
            expert: string;
            expertId: string;
            /** @description 各评分项得分（0–100），键为评分项编号 */
            scores: {
                [key: string]: number;
            };
            submittedAt: string;
            /** @description 加权总分（0–100，保留两位小数） */
            total: number;
        };
        /** @description 一位专家对项目的评分 */
        ProjectScoreInput: {
            comment: string | null;
            /** @description 专家姓名 */
            expert: string;
            expertId: string;
            /** @description 各评分项得分（0–100），键为评分项编号 */
            scores: {
                [key: string]: number;
            };
            submittedAt: string;
            /** @description 加权总分（0–100，保留两位小数） */
            total: number;
        };
        /** @description 已提交的评分 */
        ProjectScoreSubmitted: {
            proposalId: string;
            /** @description 加权总分（0–100） */
            total: number;
        };
        /** @description 已提交的评分 */
        ProjectScoreSubmittedInput: {
            proposalId: string;
            /** @description 加权总分（0–100） */
            total: number;
        };
        /** @description 择优结果与拟立项名单的公示 */
        ProjectSelection: {
            batch: components["schemas"]["ProjectSelectionBatch"];
            callId: string;
            selection: components["schemas"]["ProjectSelectionItem"][];
            /** @description 安排总额（元） */
            total: number;
        };
        /** @description 拟立项名单的公示批次 */
        ProjectSelectionBatch: {
            endDate: string;
            id: string;
            /** @description 公示编号，如 GS-2026-0001 */
            number: string;
            startDate: string;
            workingDays: number;
        };
        /** @description 拟立项名单的公示批次 */
        ProjectSelectionBatchInput: {
            endDate: string;
            id: string;
            /** @description 公示编号，如 GS-2026-0001 */
            number: string;
            startDate: string;
            workingDays: number;
        };
        /** @description 择优结果与拟立项名单的公示 */
        ProjectSelectionInput: {
            batch: components["schemas"]["ProjectSelectionBatchInput"];
            callId: string;
            selection: components["schemas"]["ProjectSelectionItemInput"][];
            /** @description 安排总额（元） */
            total: number;
        };
        /** @description 择优中对一个项目的决定 */
        ProjectSelectionItem: {
            /** @description 安排金额（元）；未入选为 0 */
            amount: number;
            id: string;
            number?: string;
            rank?: number;
            reason: string;
            /** @description 安排此项后的剩余预算（元） */
            remainingAfter: number;
            selected: boolean;
        };
        /** @description 择优中对一个项目的决定 */
        ProjectSelectionItemInput: {
            /** @description 安排金额（元）；未入选为 0 */
            amount: number;
            id: string;
            number?: string;
            rank?: number;
            reason: string;
            /** @description 安排此项后的剩余预算（元） */
            remainingAfter: number;
            selected: boolean;
        };
        /** @description 立项项目的一笔拨付款项 */
        ProjectTranche: {
            amount: number;
            id: string;
            /**
             * @description advance 预拨款，final 尾款
             * @enum {string}
             */
            kind: "advance" | "final";
            paidOn: string | null;
            /** @description 资金来源（city 市级专项资金） */
            source: string;
            /** @enum {string} */
            state: "reserved" | "paid" | "released";
            /** @description 国库支付凭证号 */
            treasuryRef: string | null;
            /** @description 资金所属年度 */
            year: number;
        };
        /** @description 立项项目的一笔拨付款项 */
        ProjectTrancheInput: {
            amount: number;
            id: string;
            /**
             * @description advance 预拨款，final 尾款
             * @enum {string}
             */
            kind: "advance" | "final";
            paidOn: string | null;
            /** @description 资金来源（city 市级专项资金） */
            source: string;
            /** @enum {string} */
            state: "reserved" | "paid" | "released";
            /** @description 国库支付凭证号 */
            treasuryRef: string | null;
            /** @description 资金所属年度 */
            year: number;
        };
        /** @description 已登记拨付的款项 */
        ProjectTranchePaid: {
            amount: number;
            id: string;
            paidOn: string;
            /** @description 总为 paid（已拨付） */
            state: string;
        };
        /** @description 已登记拨付的款项 */
        ProjectTranchePaidInput: {
            amount: number;
            id: string;
            paidOn: string;
            /** @description 总为 paid（已拨付） */
            state: string;
        };
        /** @description 财政待办的公共项目拨付款项 */
        ProjectTrancheRow: {
            amount: number;
            id: string;
            /**
             * @description advance 预拨款，final 尾款
             * @enum {string}
             */
            kind: "advance" | "final";
            organization: string;
            paidOn: string | null;
            /** @description 项目申报编号 */
            proposal: string;
            /** @enum {string} */
            proposalState: "submitted" | "withdrawn" | "ranked" | "not_selected" | "publicity" | "rejected" | "waiting_budget" | "funded" | "accepted" | "acceptance_failed";
            /** @enum {string} */
            state: "reserved" | "paid" | "released";
            title: string;
            treasuryRef: string | null;
            year: number;
        };
        /** @description 财政待办的公共项目拨付款项 */
        ProjectTrancheRowInput: {
            amount: number;
            id: string;
            /**
             * @description advance 预拨款，final 尾款
             * @enum {string}
             */
            kind: "advance" | "final";
            organization: string;
            paidOn: string | null;
            /** @description 项目申报编号 */
            proposal: string;
            /** @enum {string} */
            proposalState: "submitted" | "withdrawn" | "ranked" | "not_selected" | "publicity" | "rejected" | "waiting_budget" | "funded" | "accepted" | "acceptance_failed";
            /** @enum {string} */
            state: "reserved" | "paid" | "released";
            title: string;
            treasuryRef: string | null;
            year: number;
        };
        /** @description 奖励公示名单中的一项（不含个人信息） */
        PublicCaseEntry: {
            /** @description 拟奖励金额（元） */
            amount: number;
            applicationId: string;
            /** @description 政策条款 */
            clause: string | null;
            county: string;
            /** @description 所在县（市、区）配套政策（四（三））另行奖励的金额（元），由该县财政承担；无则为 0 */
            countyAmount: number;
            /** @description 政策条目编号 */
            item: string;
            /** @description 政策条目名称（按申报所依政策） */
            itemTitle: string;
            /** @description 申报编号 */
            number: string;
            /** @description 组织名称 */
            organization: string;
            /**
             * @description 公示结果；公示中为 null
             * @enum {string|null}
             */
            outcome: "awarded" | "waiting_budget" | "rejected" | null;
        };
        /** @description 奖励公示名单中的一项（不含个人信息） */
        PublicCaseEntryInput: {
            /** @description 拟奖励金额（元） */
            amount: number;
            applicationId: string;
            /** @description 政策条款 */
            clause: string | null;
            county: string;
            /** @description 所在县（市、区）配套政策（四（三））另行奖励的金额（元），由该县财政承担；无则为 0 */
            countyAmount: number;
            /** @description 政策条目编号 */
            item: string;
            /** @description 政策条目名称（按申报所依政策） */
            itemTitle: string;
            /** @description 申报编号 */
            number: string;
            /** @description 组织名称 */
            organization: string;
            /**
             * @description 公示结果；公示中为 null
             * @enum {string|null}
             */
            outcome: "awarded" | "waiting_budget" | "rejected" | null;
        };
        /** @description 结束到期公示的结果 */
        PublicityCloseSummary: {
            /** @description 转为奖励的申报数 */
            awarded: number;
            /** @description 本次结束的公示批次编号 */
            closedBatches: string[];
            /** @description 因未处理异议暂缓的条目数 */
            held: number;
            /** @description 公示期满获支持的公共项目数 */
            projectsFunded: number;
            /** @description 等待预算的条目 */
            waiting: {
                /** @description 申报编号（UUID）；项目公示的条目为空字符串 */
                application: string;
                /** @description 等待原因（如预算不足） */
                message: string;
            }[];
        };
        /** @description 结束到期公示的结果 */
        PublicityCloseSummaryInput: {
            /** @description 转为奖励的申报数 */
            awarded: number;
            /** @description 本次结束的公示批次编号 */
            closedBatches: string[];
            /** @description 因未处理异议暂缓的条目数 */
            held: number;
            /** @description 公示期满获支持的公共项目数 */
            projectsFunded: number;
            /** @description 等待预算的条目 */
            waiting: {
                /** @description 申报编号（UUID）；项目公示的条目为空字符串 */
                application: string;
                /** @description 等待原因（如预算不足） */
                message: string;
            }[];
        };
        /** @description 公共项目公示名单中的一项（不含个人信息） */
        PublicProjectEntry: {
            /** @description 拟支持金额（元） */
            amount: number;
            category: string;
            county: string;
            /** @description 项目申报编号 */
            number: string;
            /** @description 组织名称 */
            organization: string;
            /**
             * @description 公示结果；公示中为 null
             * @enum {string|null}
             */
            outcome: "funded" | "waiting_budget" | "rejected" | null;
            proposalId: string;
            /** @description 评审排名 */
            rank: number | null;
            title: string;
        };
        /** @description 公共项目公示名单中的一项（不含个人信息） */
        PublicProjectEntryInput: {
            /** @description 拟支持金额（元） */
            amount: number;
            category: string;
            county: string;
            /** @description 项目申报编号 */
            number: string;
            /** @description 组织名称 */
            organization: string;
            /**
             * @description 公示结果；公示中为 null
             * @enum {string|null}
             */
            outcome: "funded" | "waiting_budget" | "rejected" | null;
            proposalId: string;
            /** @description 评审排名 */
            rank: number | null;
            title: string;
        };
        /** @description 公示批次（公开） */
        PublicPublicityBatch: {
            /** @description 公示期最后一日（按工作日历计算） */
            endDate: string;
            id: string;
            /**
             * @description 公示对象：awards 奖励申报，projects 公共项目
             * @enum {string}
             */
            kind: "awards" | "projects";
            /** @description 公示编号，如 GS-2026-0001 */
            number: string;
            /** @description 日期 YYYY-MM-DD */
            startDate: string;
            /** @enum {string} */
            state: "open" | "closed";
            title: string;
            /** @description 公示期工作日数 */
            workingDays: number;
        };
        /** @description 公示名单（公开） */
        PublicPublicityBatchDetail: {
            /** @description 日期 YYYY-MM-DD */
            endDate: string;
            /** @description 奖励公示名单；项目公示为空 */
            readonly entries: components["schemas"]["PublicCaseEntry"][];
            id: string;
            /** @enum {string} */
            kind: "awards" | "projects";
            number: string;
            /** @description 项目公示名单；奖励公示为空 */
            readonly projects: components["schemas"]["PublicProjectEntry"][];
            /** @description 日期 YYYY-MM-DD */
            startDate: string;
            /** @enum {string} */
            state: "open" | "closed";
            title: string;
        };
        /** @description 公示名单（公开） */
        PublicPublicityBatchDetailInput: {
            /** @description 日期 YYYY-MM-DD */
            endDate: string;
            /** @description 奖励公示名单；项目公示为空 */
            readonly entries: components["schemas"]["PublicCaseEntryInput"][];
            id: string;
            /** @enum {string} */
            kind: "awards" | "projects";
            number: string;
            /** @description 项目公示名单；奖励公示为空 */
            readonly projects: components["schemas"]["PublicProjectEntryInput"][];
            /** @description 日期 YYYY-MM-DD */
            startDate: string;
            /** @enum {string} */
            state: "open" | "closed";
            title: string;
        };
        /** @description 公示批次（公开） */
        PublicPublicityBatchInput: {
            /** @description 公示期最后一日（按工作日历计算） */
            endDate: string;
            id: string;
            /**
             * @description 公示对象：awards 奖励申报，projects 公共项目
             * @enum {string}
             */
            kind: "awards" | "projects";
            /** @description 公示编号，如 GS-2026-0001 */
            number: string;
            /** @description 日期 YYYY-MM-DD */
            startDate: string;
            /** @enum {string} */
            state: "open" | "closed";
            title: string;
            /** @description 公示期工作日数 */
            workingDays: number;
        };
        /** @description 可以接收请求：数据库可读写，迁移已全部执行 */
        Ready: {
            /**
             * @description 数据库类型
             * @enum {string}
             */
            database: "sqlite" | "postgres";
            /** @description 已执行的数据库迁移数 */
            migrations: number;
            /** @enum {string} */
            status: "ready";
        };
        /** @description 可以接收请求：数据库可读写，迁移已全部执行 */
        ReadyInput: {
            /**
             * @description 数据库类型
             * @enum {string}
             */
            database: "sqlite" | "postgres";
            /** @description 已执行的数据库迁移数 */
            migrations: number;
            /** @enum {string} */
            status: "ready";
        };
        /** @description 已登记的关联关系 */
        RelationRecorded: {
            /** @description 关联关系记录的编号 */
            id: string;
        };
        /** @description 已登记的关联关系 */
        RelationRecordedInput: {
            /** @description 关联关系记录的编号 */
            id: string;
        };
        /** @description 可导出的报表类型 */
        ReportKind: {
            /** @description 是否可按资金来源 source 筛选 */
            bySource: boolean;
            /** @description 报表内容说明 */
            description: string;
            /** @description 报表类型，用于导出地址 */
            kind: string;
            /** @description 报表名称 */
            title: string;
            /**
             * @description 年度参数是否必填
             * @enum {string}
             */
            year: "required" | "optional";
        };
        /** @description 可导出的报表类型 */
        ReportKindInput: {
            /** @description 是否可按资金来源 source 筛选 */
            bySource: boolean;
            /** @description 报表内容说明 */
            description: string;
            /** @description 报表类型，用于导出地址 */
            kind: string;
            /** @description 报表名称 */
            title: string;
            /**
             * @description 年度参数是否必填
             * @enum {string}
             */
            year: "required" | "optional";
        };
        /** @description 当前用户可导出的报表类型 */
        ReportKindList: {
            items: components["schemas"]["ReportKind"][];
        };
        /** @description 当前用户可导出的报表类型 */
        ReportKindListInput: {
            items: components["schemas"]["ReportKindInput"][];
        };
        /** @description 名单导入计数 */
        RosterCounts: {
            /** @description 重复：本文件已有或已导入过同一奖励项目与对象 */
            duplicates: number;
            /** @description 无效（单元格无法识别） */
            invalid: number;
            /** @description 已匹配：统一社会信用代码为已注册组织 */
            matched: number;
            /** @description 待核对名称：无代码或代码未注册，但名称与唯一一个已注册组织相同 */
            needsReview: number;
            /** @description 新生成的待确认奖励（预览时为 0） */
            offers: number;
            /** @description 政策引擎不予核定的已匹配行（预览时为 0） */
            refused: number;
            /** @description 数据行数 */
            rows: number;
            /** @description 未注册 */
            unmatched: number;
        };
        /** @description 名单导入计数 */
        RosterCountsInput: {
            /** @description 重复：本文件已有或已导入过同一奖励项目与对象 */
            duplicates: number;
            /** @description 无效（单元格无法识别） */
            invalid: number;
            /** @description 已匹配：统一社会信用代码为已注册组织 */
            matched: number;
            /** @description 待核对名称：无代码或代码未注册，但名称与唯一一个已注册组织相同 */
            needsReview: number;
            /** @description 新生成的待确认奖励（预览时为 0） */
            offers: number;
            /** @description 政策引擎不予核定的已匹配行（预览时为 0） */
            refused: number;
            /** @description 数据行数 */
            rows: number;
            /** @description 未注册 */
            unmatched: number;
        };
        /** @description 名单导入记录（最新在前） */
        RosterImportList: {
            items: {
                /** @description 全部写入完成的时间；null 表示正在导入或导入中断（重新导入将跳过已导入的记录） */
                completedAt: string | null;
                /** @description 导入时的计数 */
                counts: {
                    duplicates: number;
                    invalid: number;
                    matched: number;
                    needsReview: number;
                    offers: number;
                    refused: number;
                    rows: number;
                    unmatched: number;
                };
                filename: string;
                id: string;
                importedAt: string;
                importedBy: string | null;
                kind: string;
                kindTitle: string;
                /** @description 导入批次号，如 MD-2026-0001 */
                number: string;
                /** @description 仍待核对的名称匹配 */
                pendingReview: number;
                policy: string;
                /** @description 所导入文件的 SHA-256 */
                sha256: string;
                /** @description 文件大小（字节） */
                size: number;
            }[];
        };
        /** @description 名单导入记录（最新在前） */
        RosterImportListInput: {
            items: {
                /** @description 全部写入完成的时间；null 表示正在导入或导入中断（重新导入将跳过已导入的记录） */
                completedAt: string | null;
                /** @description 导入时的计数 */
                counts: {
                    duplicates: number;
                    invalid: number;
                    matched: number;
                    needsReview: number;
                    offers: number;
                    refused: number;
                    rows: number;
                    unmatched: number;
                };
                filename: string;
                id: string;
                importedAt: string;
                importedBy: string | null;
                kind: string;
                kindTitle: string;
                /** @description 导入批次号，如 MD-2026-0001 */
                number: string;
                /** @description 仍待核对的名称匹配 */
                pendingReview: number;
                policy: string;
                /** @description 所导入文件的 SHA-256 */
                sha256: string;
                /** @description 文件大小（字节） */
                size: number;
            }[];
        };
        /** @description 现行政策定义的名单类型（免申即享） */
        RosterKinds: {
            items: {
                /** @description 表头，按模板顺序 */
                headers: string[];
                id: string;
                policy: string;
                publisher: string;
                ref: string;
                title: string;
            }[];
        };
        /** @description 现行政策定义的名单类型（免申即享） */
        RosterKindsInput: {
            items: {
                /** @description 表头，按模板顺序 */
                headers: string[];
                id: string;
                policy: string;
                publisher: string;
                ref: string;
                title: string;
            }[];
        };
        /** @description 名单预览或导入的结果，逐行 */
        RosterReport: {
            counts: components["schemas"]["RosterCounts"];
            filename: string;
            /** @description 预览时为 null */
            import: {
                id: string;
                number: string;
            } | null;
            kind: {
                id: string;
                policy: string;
                title: string;
            };
            readonly rows: {
                application: {
                    id: string;
                    number: string;
                } | null;
                /** @description 无效行首个问题所在的列（表头） */
                column: string | null;
                /** @description 未注册组织按其统一社会信用代码的登记机关所在县（市、区） */
                county: string | null;
                /** @enum {string|null} */
                decision: "offered" | "refused" | null;
                eventDate: string | null;
                item: string | null;
                message: string | null;
                /** @description 名单所写的组织名称 */
                name: string | null;
                /** @description 匹配到（或按名称建议）的已注册组织 */
                organization: {
                    county: string;
                    id: string;
                    name: string;
                    uscc: string;
                } | null;
                /** @enum {string} */
                outcome: "matched" | "needsReview" | "unmatched" | "invalid" | "duplicate";
                /** @description 政策引擎不予核定的理由 */
                reason: string | null;
                /** @description 表格中的行号（表头为第 1 行） */
                row: number;
                subject: string | null;
                uscc: string | null;
            }[];
            sha256: string | null;
        };
        /** @description 名单预览或导入的结果，逐行 */
        RosterReportInput: {
            counts: components["schemas"]["RosterCountsInput"];
            filename: string;
            /** @description 预览时为 null */
            import: {
                id: string;
                number: string;
            } | null;
            kind: {
                id: string;
                policy: string;
                title: string;
            };
            readonly rows: {
                application: {
                    id: string;
                    number: string;
                } | null;
                /** @description 无效行首个问题所在的列（表头） */
                column: string | null;
                /** @description 未注册组织按其统一社会信用代码的登记机关所在县（市、区） */
                county: string | null;
                /** @enum {string|null} */
                decision: "offered" | "refused" | null;
                eventDate: string | null;
                item: string | null;
                message: string | null;
                /** @description 名单所写的组织名称 */
                name: string | null;
                /** @description 匹配到（或按名称建议）的已注册组织 */
                organization: {
                    county: string;
                    id: string;
                    name: string;
                    uscc: string;
                } | null;
                /** @enum {string} */
                outcome: "matched" | "needsReview" | "unmatched" | "invalid" | "duplicate";
                /** @description 政策引擎不予核定的理由 */
                reason: string | null;
                /** @description 表格中的行号（表头为第 1 行） */
                row: number;
                subject: string | null;
                uscc: string | null;
            }[];
            sha256: string | null;
        };
        /** @description 名单记录（分页） */
        RosterRowPage: {
            items: components["schemas"]["StoredRosterRow"][];
            page: number;
            pageSize: number;
            total: number;
        };
        /** @description 名单记录（分页） */
        RosterRowPageInput: {
            items: components["schemas"]["StoredRosterRowInput"][];
            page: number;
            pageSize: number;
            total: number;
        };
        /** @description 是否已登录：供网页在打开时判断，未登录不算错误 */
        SessionState: {
            /** @description 当前会话；未登录（或会话已超时）为 null */
            session: components["schemas"]["CurrentSession"] | null;
        };
        /** @description 是否已登录：供网页在打开时判断，未登录不算错误 */
        SessionStateInput: {
            /** @description 当前会话；未登录（或会话已超时）为 null */
            session: components["schemas"]["CurrentSessionInput"] | null;
        };
        /** @description 已登录的用户 */
        SessionUser: {
            /**
             * @description 县级用户的县（市、区）；市级为 null
             * @enum {string|null}
             */
            county: "椒江区" | "黄岩区" | "路桥区" | "临海市" | "温岭市" | "玉环市" | "天台县" | "仙居县" | "三门县" | "台州湾新区" | null;
            createdAt: string;
            disabled: boolean;
            displayName: string;
            id: string;
            lockedUntil: string | null;
            /** @description 企业用户所属组织 */
            organizationId: string | null;
            passwordChangedAt: string;
            /** @enum {string} */
            role: "enterprise" | "county_official" | "city_official" | "finance" | "system_admin" | "security_admin" | "auditor" | "expert" | "leader";
            /** @description 角色的中文名称 */
            roleName: string;
            username: string;
        };
        /** @description 已登录的用户 */
        SessionUserInput: {
            /**
             * @description 县级用户的县（市、区）；市级为 null
             * @enum {string|null}
             */
            county: "椒江区" | "黄岩区" | "路桥区" | "临海市" | "温岭市" | "玉环市" | "天台县" | "仙居县" | "三门县" | "台州湾新区" | null;
            createdAt: string;
            disabled: boolean;
            displayName: string;
            id: string;
            lockedUntil: string | null;
            /** @description 企业用户所属组织 */
            organizationId: string | null;
            passwordChangedAt: string;
            /** @enum {string} */
            role: "enterprise" | "county_official" | "city_official" | "finance" | "system_admin" | "security_admin" | "auditor" | "expert" | "leader";
            /** @description 角色的中文名称 */
            roleName: string;
            username: string;
        };
        /** @description 修改后的全部设置（键为设置名）及新的版本号 */
        SettingsValues: {
            /** @description 市级专项资金（质量强市部分）每年默认预算（元，四（二）） */
            "general.cityFundDefault": number;
            /** @description 单个证明材料文件大小上限（字节） */
            "general.evidenceMaxBytes": number;
            /** @description 同一来源地址在一批公示中最多可有几条未处理的异议 */
            "general.objectionsPerSource": number;
            /** @description 免申即享待确认奖励的确认期限（工作日，逾期失效） */
            "general.offerWorkingDays": number;
            /** @description 公示期（工作日） */
            "general.publicityWorkingDays": number;
            /** @description 当年预算不足时转入下一年度预算（否则等待预算调整） */
            "general.queueToNextYear": boolean;
            /** @description 锁定分钟数 */
            "security.lockoutMinutes": number;
            /** @description 连续登录失败几次后锁定 */
            "security.lockoutThreshold": number;
            /** @description 密码须含大小写字母、数字和符号中的三类（等保要求，默认关闭） */
            "security.passwordComplexity": boolean;
            /** @description 密码最长使用天数（0 为不强制更换） */
            "security.passwordMaxAgeDays": number;
            /** @description 密码最小长度 */
            "security.passwordMinLength": number;
            /** @description 会话最长有效期（小时） */
            "security.sessionAbsoluteHours": number;
            /** @description 会话空闲超时（分钟） */
            "security.sessionIdleMinutes": number;
            /** @description 修改后的版本号 */
            version: number;
        };
        /** @description 修改后的全部设置（键为设置名）及新的版本号 */
        SettingsValuesInput: {
            /** @description 市级专项资金（质量强市部分）每年默认预算（元，四（二）） */
            "general.cityFundDefault": number;
            /** @description 单个证明材料文件大小上限（字节） */
            "general.evidenceMaxBytes": number;
            /** @description 同一来源地址在一批公示中最多可有几条未处理的异议 */
            "general.objectionsPerSource": number;
            /** @description 免申即享待确认奖励的确认期限（工作日，逾期失效） */
            "general.offerWorkingDays": number;
            /** @description 公示期（工作日） */
            "general.publicityWorkingDays": number;
            /** @description 当年预算不足时转入下一年度预算（否则等待预算调整） */
            "general.queueToNextYear": boolean;
            /** @description 锁定分钟数 */
            "security.lockoutMinutes": number;
            /** @description 连续登录失败几次后锁定 */
            "security.lockoutThreshold": number;
            /** @description 密码须含大小写字母、数字和符号中的三类（等保要求，默认关闭） */
            "security.passwordComplexity": boolean;
            /** @description 密码最长使用天数（0 为不强制更换） */
            "security.passwordMaxAgeDays": number;
            /** @description 密码最小长度 */
            "security.passwordMinLength": number;
            /** @description 会话最长有效期（小时） */
            "security.sessionAbsoluteHours": number;
            /** @description 会话空闲超时（分钟） */
            "security.sessionIdleMinutes": number;
            /** @description 修改后的版本号 */
            version: number;
        };
        /** @description 本角色可管理的设置及共用的版本号 */
        SettingsView: {
            items: {
                /** @description 默认值 */
                default: number | boolean;
                /** @description 设置名，如 general.publicityWorkingDays */
                key: string;
                /** @description 设置的中文说明 */
                label: string;
                /** @description 数值设置的上限；开关为 null */
                max: number | null;
                /** @description 数值设置的下限；开关为 null */
                min: number | null;
                /**
                 * @description 管理者：security 为安全管理员，general 为系统管理员
                 * @enum {string}
                 */
                owner: "security" | "general";
                /** @description 数值的单位，如 分钟、元 */
                unit: string | null;
                /** @description 当前值 */
                value: number | boolean;
            }[];
            /** @description 全部设置共用的版本号，修改时须带上 */
            version: number;
        };
        /** @description 本角色可管理的设置及共用的版本号 */
        SettingsViewInput: {
            items: {
                /** @description 默认值 */
                default: number | boolean;
                /** @description 设置名，如 general.publicityWorkingDays */
                key: string;
                /** @description 设置的中文说明 */
                label: string;
                /** @description 数值设置的上限；开关为 null */
                max: number | null;
                /** @description 数值设置的下限；开关为 null */
                min: number | null;
                /**
                 * @description 管理者：security 为安全管理员，general 为系统管理员
                 * @enum {string}
                 */
                owner: "security" | "general";
                /** @description 数值的单位，如 分钟、元 */
                unit: string | null;
                /** @description 当前值 */
                value: number | boolean;
            }[];
            /** @description 全部设置共用的版本号，修改时须带上 */
            version: number;
        };
        /** @description 一组申报在一套政策下的核定合计 */
        SimulationFigures: {
            byCounty: {
                [key: string]: {
                    amountYuan: number;
                    count: number;
                };
            };
            byItem: {
                [key: string]: {
                    amountYuan: number;
                    count: number;
                };
            };
            bySource: {
                city: number;
                county: number;
            };
            /** @description 按申报年度：笔数、金额、其中市级承担 */
            byYear: {
                [key: string]: {
                    amountYuan: number;
                    cityYuan: number;
                    count: number;
                };
            };
            /** @description 核定（含部分核定）的申报数 */
            granted: number;
            totalYuan: number;
        };
        /** @description 一组申报在一套政策下的核定合计 */
        SimulationFiguresInput: {
            byCounty: {
                [key: string]: {
                    amountYuan: number;
                    count: number;
                };
            };
            byItem: {
                [key: string]: {
                    amountYuan: number;
                    count: number;
                };
            };
            bySource: {
                city: number;
                county: number;
            };
            /** @description 按申报年度：笔数、金额、其中市级承担 */
            byYear: {
                [key: string]: {
                    amountYuan: number;
                    cityYuan: number;
                    count: number;
                };
            };
            /** @description 核定（含部分核定）的申报数 */
            granted: number;
            totalYuan: number;
        };
        /** @description 已导入的名单记录 */
        StoredRosterRow: {
            application: {
                id: string;
                number: string;
                state: string;
            } | null;
            /** @description 该行原文，按表头 */
            cells: {
                [key: string]: string;
            };
            column: string | null;
            county: string | null;
            /** @enum {string|null} */
            decision: "offered" | "refused" | null;
            eventDate: string | null;
            id: string;
            import: {
                id: string;
                importedAt: string;
                kind: string;
                number: string;
            };
            item: string | null;
            itemTitle: string | null;
            message: string | null;
            name: string | null;
            organization: {
                county: string;
                id: string;
                name: string;
                uscc: string;
            } | null;
            /** @enum {string} */
            outcome: "matched" | "needsReview" | "unmatched" | "invalid" | "duplicate";
            reason: string | null;
            reviewComment: string | null;
            reviewedAt: string | null;
            row: number;
            subject: string | null;
            uscc: string | null;
            version: number;
        };
        /** @description 已导入的名单记录 */
        StoredRosterRowInput: {
            application: {
                id: string;
                number: string;
                state: string;
            } | null;
            /** @description 该行原文，按表头 */
            cells: {
                [key: string]: string;
            };
            column: string | null;
            county: string | null;
            /** @enum {string|null} */
            decision: "offered" | "refused" | null;
            eventDate: string | null;
            id: string;
            import: {
                id: string;
                importedAt: string;
                kind: string;
                number: string;
            };
            item: string | null;
            itemTitle: string | null;
            message: string | null;
            name: string | null;
            organization: {
                county: string;
                id: string;
                name: string;
                uscc: string;
            } | null;
            /** @enum {string} */
            outcome: "matched" | "needsReview" | "unmatched" | "invalid" | "duplicate";
            reason: string | null;
            reviewComment: string | null;
            reviewedAt: string | null;
            row: number;
            subject: string | null;
            uscc: string | null;
            version: number;
        };
        /** @description 县级配套政策对一条申报的核定（四（三）） */
        SupplementDecision: {
            /** @description 本级财政承担的金额（就高不重复时为补足的差额） */
            amountYuan: number;
            /** @description 市级对同一申报核定的金额 */
            cityAmountYuan: number | null;
            claim: string;
            clause: string | null;
            /**
             * @description 与市级同一项目的关系：stack 叠加，higher 就高不重复；本级自有项目为 null
             * @enum {string|null}
             */
            combine: "stack" | "higher" | null;
            /** @enum {string|null} */
            fundingSource: "city" | "county" | null;
            item: string;
            policy: string | null;
            reasons: {
                /** @enum {string} */
                code: "unknown_item" | "not_fixed_reward" | "outside_validity" | "condition_not_met" | "already_granted" | "same_project" | "cap_reached" | "covered_by_city";
                message: string;
            }[];
            /** @enum {string} */
            status: "granted" | "partial" | "refused";
        };
        /** @description 县级配套政策对一条申报的核定（四（三）） */
        SupplementDecisionInput: {
            /** @description 本级财政承担的金额（就高不重复时为补足的差额） */
            amountYuan: number;
            /** @description 市级对同一申报核定的金额 */
            cityAmountYuan: number | null;
            claim: string;
            clause: string | null;
            /**
             * @description 与市级同一项目的关系：stack 叠加，higher 就高不重复；本级自有项目为 null
             * @enum {string|null}
             */
            combine: "stack" | "higher" | null;
            /** @enum {string|null} */
            fundingSource: "city" | "county" | null;
            item: string;
            policy: string | null;
            reasons: {
                /** @enum {string} */
                code: "unknown_item" | "not_fixed_reward" | "outside_validity" | "condition_not_met" | "already_granted" | "same_project" | "cap_reached" | "covered_by_city";
                message: string;
            }[];
            /** @enum {string} */
            status: "granted" | "partial" | "refused";
        };
        /** @description 县级配套政策对同一组织申报的核定 */
        SupplementEvaluation: {
            decisions: components["schemas"]["SupplementDecision"][];
            policy: {
                id: string;
                jurisdiction: string;
                shortTitle: string;
            };
            totalYuan: number;
        };
        /** @description 县级配套政策对同一组织申报的核定 */
        SupplementEvaluationInput: {
            decisions: components["schemas"]["SupplementDecisionInput"][];
            policy: {
                id: string;
                jurisdiction: string;
                shortTitle: string;
            };
            totalYuan: number;
        };
        /** @description 登记的目标基数 */
        TargetBaselineAdded: {
            asOf: string;
            county: string;
            id: string;
            targetId: string;
            /** @description 基数（十进制数文本，如 "99.62"） */
            value: string;
        };
        /** @description 登记的目标基数 */
        TargetBaselineAddedInput: {
            asOf: string;
            county: string;
            id: string;
            targetId: string;
            /** @description 基数（十进制数文本，如 "99.62"） */
            value: string;
        };
        /** @description 构成目标计数的奖励与登记记录 */
        TargetContributions: {
            items: {
                county: string;
                /** @description 失效日期 */
                endedOn: string | null;
                /** @description 取得日期 */
                eventDate: string;
                organizationName: string;
                /** @description 奖励或登记记录的编号 */
                ref: string;
                /**
                 * @description award 为奖励，record 为登记的成果
                 * @enum {string}
                 */
                source: "award" | "record";
                /** @description 成果名称 */
                subject: string;
            }[];
            on: string;
            targetId: string;
            total: number;
        };
        /** @description 构成目标计数的奖励与登记记录 */
        TargetContributionsInput: {
            items: {
                county: string;
                /** @description 失效日期 */
                endedOn: string | null;
                /** @description 取得日期 */
                eventDate: string;
                organizationName: string;
                /** @description 奖励或登记记录的编号 */
                ref: string;
                /**
                 * @description award 为奖励，record 为登记的成果
                 * @enum {string}
                 */
                source: "award" | "record";
                /** @description 成果名称 */
                subject: string;
            }[];
            on: string;
            targetId: string;
            total: number;
        };
        /** @description 单个目标：进度、历史、基数与录入的数值 */
        TargetDetail: {
            asOf: string;
            /** @description 登记的基数（新的在前，保留历史） */
            baselines: {
                /** @description 基数日期 */
                asOf: string;
                county: string;
                createdAt: string;
                id: string;
                note: string | null;
                source: string;
                /** @description 基数（十进制数文本，如 "99.62"） */
                value: string;
            }[];
            /**
             * @description gte 为达到（≥），gt 为高于（>）
             * @enum {string}
             */
            comparator: "gte" | "gt";
            comparatorText: string;
            /** @description 计数方式：distinct 由系统按奖励与登记计数，manual 由授权官员录入数值 */
            counting: {
                definition: string;
                /** @description 计入的奖励项目编号 */
                items: string[];
                /** @description 计入的奖励项目及其名称（与 items 同序） */
                itemTitles: {
                    id: string;
                    /** @description 奖励项目名称 */
                    title: string;
                }[];
                /** @enum {string} */
                kind: "distinct";
                /**
                 * @description 计数对象：organization 按组织（统一社会信用代码），subject 按成果
                 * @enum {string}
                 */
                unit: "organization" | "subject";
            } | {
                definition: string;
                /** @enum {string} */
                kind: "manual";
            };
            /** @description 目标期限（含当日） */
            deadline: string;
            /** @description 自政策生效起每月末（及查看日）的值 */
            history: {
                on: string;
                /** @description 当日的值（十进制数文本，如 "99.62"） */
                value: string | null;
            }[];
            id: string;
            /** @description 指标名称 */
            indicator: string;
            /** @description 设定目标的政策 */
            policy: string;
            /** @description 政策的标题 */
            policyTitle: string;
            progress: components["schemas"]["TargetProgress"];
            /** @description 政策条款 */
            ref: string;
            unit: string;
            /** @description 目标值（十进制数文本，如 "99.62"） */
            value: string;
            /** @description 录入的数值（新的在前，保留历史） */
            values: {
                county: string;
                createdAt: string;
                evidence: components["schemas"]["TargetValueEvidence"][];
                id: string;
                note: string | null;
                periodEnd: string;
                periodStart: string;
                source: string;
                /** @description 录入的数值（十进制数文本，如 "99.62"） */
                value: string;
            }[];
        };
        /** @description 单个目标：进度、历史、基数与录入的数值 */
        TargetDetailInput: {
            asOf: string;
            /** @description 登记的基数（新的在前，保留历史） */
            baselines: {
                /** @description 基数日期 */
                asOf: string;
                county: string;
                createdAt: string;
                id: string;
                note: string | null;
                source: string;
                /** @description 基数（十进制数文本，如 "99.62"） */
                value: string;
            }[];
            /**
             * @description gte 为达到（≥），gt 为高于（>）
             * @enum {string}
             */
            comparator: "gte" | "gt";
            comparatorText: string;
            /** @description 计数方式：distinct 由系统按奖励与登记计数，manual 由授权官员录入数值 */
            counting: {
                definition: string;
                /** @description 计入的奖励项目编号 */
                items: string[];
                /** @description 计入的奖励项目及其名称（与 items 同序） */
                itemTitles: {
                    id: string;
                    /** @description 奖励项目名称 */
                    title: string;
                }[];
                /** @enum {string} */
                kind: "distinct";
                /**
                 * @description 计数对象：organization 按组织（统一社会信用代码），subject 按成果
                 * @enum {string}
                 */
                unit: "organization" | "subject";
            } | {
                definition: string;
                /** @enum {string} */
                kind: "manual";
            };
            /** @description 目标期限（含当日） */
            deadline: string;
            /** @description 自政策生效起每月末（及查看日）的值 */
            history: {
                on: string;
                /** @description 当日的值（十进制数文本，如 "99.62"） */
                value: string | null;
            }[];
            id: string;
            /** @description 指标名称 */
            indicator: string;
            /** @description 设定目标的政策 */
            policy: string;
            /** @description 政策的标题 */
            policyTitle: string;
            progress: components["schemas"]["TargetProgressInput"];
            /** @description 政策条款 */
            ref: string;
            unit: string;
            /** @description 目标值（十进制数文本，如 "99.62"） */
            value: string;
            /** @description 录入的数值（新的在前，保留历史） */
            values: {
                county: string;
                createdAt: string;
                evidence: components["schemas"]["TargetValueEvidenceInput"][];
                id: string;
                note: string | null;
                periodEnd: string;
                periodStart: string;
                source: string;
                /** @description 录入的数值（十进制数文本，如 "99.62"） */
                value: string;
            }[];
        };
        /** @description 一项政策的全部目标及其在某日的进度 */
        TargetList: {
            asOf: string;
            items: components["schemas"]["TargetOverview"][];
            policy: string;
        };
        /** @description 一项政策的全部目标及其在某日的进度 */
        TargetListInput: {
            asOf: string;
            items: components["schemas"]["TargetOverviewInput"][];
            policy: string;
        };
        /** @description 目标及其进度 */
        TargetOverview: {
            /**
             * @description gte 为达到（≥），gt 为高于（>）
             * @enum {string}
             */
            comparator: "gte" | "gt";
            comparatorText: string;
            /** @description 计数方式：distinct 由系统按奖励与登记计数，manual 由授权官员录入数值 */
            counting: {
                definition: string;
                /** @description 计入的奖励项目编号 */
                items: string[];
                /** @description 计入的奖励项目及其名称（与 items 同序） */
                itemTitles: {
                    id: string;
                    /** @description 奖励项目名称 */
                    title: string;
                }[];
                /** @enum {string} */
                kind: "distinct";
                /**
                 * @description 计数对象：organization 按组织（统一社会信用代码），subject 按成果
                 * @enum {string}
                 */
                unit: "organization" | "subject";
            } | {
                definition: string;
                /** @enum {string} */
                kind: "manual";
            };
            /** @description 目标期限（含当日） */
            deadline: string;
            id: string;
            /** @description 指标名称 */
            indicator: string;
            /** @description 设定目标的政策 */
            policy: string;
            /** @description 政策的标题 */
            policyTitle: string;
            progress: components["schemas"]["TargetProgress"];
            /** @description 政策条款 */
            ref: string;
            unit: string;
            /** @description 目标值（十进制数文本，如 "99.62"） */
            value: string;
        };
        /** @description 目标及其进度 */
        TargetOverviewInput: {
            /**
             * @description gte 为达到（≥），gt 为高于（>）
             * @enum {string}
             */
            comparator: "gte" | "gt";
            comparatorText: string;
            /** @description 计数方式：distinct 由系统按奖励与登记计数，manual 由授权官员录入数值 */
            counting: {
                definition: string;
                /** @description 计入的奖励项目编号 */
                items: string[];
                /** @description 计入的奖励项目及其名称（与 items 同序） */
                itemTitles: {
                    id: string;
                    /** @description 奖励项目名称 */
                    title: string;
                }[];
                /** @enum {string} */
                kind: "distinct";
                /**
                 * @description 计数对象：organization 按组织（统一社会信用代码），subject 按成果
                 * @enum {string}
                 */
                unit: "organization" | "subject";
            } | {
                definition: string;
                /** @enum {string} */
                kind: "manual";
            };
            /** @description 目标期限（含当日） */
            deadline: string;
            id: string;
            /** @description 指标名称 */
            indicator: string;
            /** @description 设定目标的政策 */
            policy: string;
            /** @description 政策的标题 */
            policyTitle: string;
            progress: components["schemas"]["TargetProgressInput"];
            /** @description 政策条款 */
            ref: string;
            unit: string;
            /** @description 目标值（十进制数文本，如 "99.62"） */
            value: string;
        };
        /** @description 目标在某日的进度、状态与按县分布 */
        TargetProgress: {
            counties: {
                /** @description 基数（十进制数文本，如 "99.62"） */
                baseline: string;
                /** @description 基数之后计入的个数 */
                counted: number;
                /** @description 县（市、区），或“全市” */
                county: string;
                /** @description 当前值（十进制数文本，如 "99.62"） */
                value: string;
            }[];
            /** @description 按期限线性推算此日应达到的值；无基数可推算时为 null */
            expected: string | null;
            /** @description 期限已过，结果为最终结果 */
            final: boolean;
            /** @description 计算进度的日期（晚于期限时为期限） */
            on: string;
            /** @description 完成百分比（最多 100，保留一位小数） */
            percent: number | null;
            /** @enum {string} */
            status: "met" | "on_track" | "at_risk" | "missed" | "no_data";
            /** @description 状态的中文名 */
            statusName: string;
            /** @description 目标值（十进制数文本，如 "99.62"） */
            target: string | null;
            unit: string;
            /** @description 当前值；人工录入的指标尚无数值时为 null */
            value: string | null;
        };
        /** @description 目标在某日的进度、状态与按县分布 */
        TargetProgressInput: {
            counties: {
                /** @description 基数（十进制数文本，如 "99.62"） */
                baseline: string;
                /** @description 基数之后计入的个数 */
                counted: number;
                /** @description 县（市、区），或“全市” */
                county: string;
                /** @description 当前值（十进制数文本，如 "99.62"） */
                value: string;
            }[];
            /** @description 按期限线性推算此日应达到的值；无基数可推算时为 null */
            expected: string | null;
            /** @description 期限已过，结果为最终结果 */
            final: boolean;
            /** @description 计算进度的日期（晚于期限时为期限） */
            on: string;
            /** @description 完成百分比（最多 100，保留一位小数） */
            percent: number | null;
            /** @enum {string} */
            status: "met" | "on_track" | "at_risk" | "missed" | "no_data";
            /** @description 状态的中文名 */
            statusName: string;
            /** @description 目标值（十进制数文本，如 "99.62"） */
            target: string | null;
            unit: string;
            /** @description 当前值；人工录入的指标尚无数值时为 null */
            value: string | null;
        };
        /** @description 登记的成果 */
        TargetRecordAdded: {
            county: string;
            id: string;
            subject: string;
            targetId: string;
        };
        /** @description 登记的成果 */
        TargetRecordAddedInput: {
            county: string;
            id: string;
            subject: string;
            targetId: string;
        };
        /** @description 撤回的成果登记 */
        TargetRecordWithdrawn: {
            id: string;
            withdrawnAt: string;
        };
        /** @description 撤回的成果登记 */
        TargetRecordWithdrawnInput: {
            id: string;
            withdrawnAt: string;
        };
        /** @description 录入的人工指标数值 */
        TargetValueAdded: {
            county: string;
            /** @description 随数值上传的证明材料 */
            evidence: components["schemas"]["TargetValueEvidence"] | null;
            id: string;
            periodEnd: string;
            periodStart: string;
            targetId: string;
            /** @description 录入的数值（十进制数文本，如 "99.62"） */
            value: string;
        };
        /** @description 录入的人工指标数值 */
        TargetValueAddedInput: {
            county: string;
            /** @description 随数值上传的证明材料 */
            evidence: components["schemas"]["TargetValueEvidenceInput"] | null;
            id: string;
            periodEnd: string;
            periodStart: string;
            targetId: string;
            /** @description 录入的数值（十进制数文本，如 "99.62"） */
            value: string;
        };
        /** @description 录入数值的证明材料 */
        TargetValueEvidence: {
            createdAt: string;
            id: string;
            mime: string;
            /** @description 文件名 */
            name: string;
            sha256: string;
            /** @description 字节数 */
            size: number;
        };
        /** @description 录入数值的证明材料 */
        TargetValueEvidenceInput: {
            createdAt: string;
            id: string;
            mime: string;
            /** @description 文件名 */
            name: string;
            sha256: string;
            /** @description 字节数 */
            size: number;
        };
        /** @description 账号：用户名、姓名、角色及其绑定、停用与锁定状态 */
        UserAccount: {
            /**
             * @description 绑定的县（市、区）（县级审核人员、财务）
             * @enum {string|null}
             */
            county: "椒江区" | "黄岩区" | "路桥区" | "临海市" | "温岭市" | "玉环市" | "天台县" | "仙居县" | "三门县" | "台州湾新区" | null;
            createdAt: string;
            disabled: boolean;
            displayName: string;
            id: string;
            /** @description 锁定到何时（连续登录失败后）；未锁定为 null */
            lockedUntil: string | null;
            /** @description 绑定的组织（企业用户、评审专家） */
            organizationId: string | null;
            passwordChangedAt: string;
            /** @enum {string} */
            role: "enterprise" | "county_official" | "city_official" | "finance" | "system_admin" | "security_admin" | "auditor" | "expert" | "leader";
            username: string;
        };
        /** @description 账号：用户名、姓名、角色及其绑定、停用与锁定状态 */
        UserAccountInput: {
            /**
             * @description 绑定的县（市、区）（县级审核人员、财务）
             * @enum {string|null}
             */
            county: "椒江区" | "黄岩区" | "路桥区" | "临海市" | "温岭市" | "玉环市" | "天台县" | "仙居县" | "三门县" | "台州湾新区" | null;
            createdAt: string;
            disabled: boolean;
            displayName: string;
            id: string;
            /** @description 锁定到何时（连续登录失败后）；未锁定为 null */
            lockedUntil: string | null;
            /** @description 绑定的组织（企业用户、评审专家） */
            organizationId: string | null;
            passwordChangedAt: string;
            /** @enum {string} */
            role: "enterprise" | "county_official" | "city_official" | "finance" | "system_admin" | "security_admin" | "auditor" | "expert" | "leader";
            username: string;
        };
        /** @description 账号列表（按用户名排序） */
        UserAccountList: {
            items: components["schemas"]["UserAccountListItem"][];
        };
        /** @description 账号列表（按用户名排序） */
        UserAccountListInput: {
            items: components["schemas"]["UserAccountListItemInput"][];
        };
        /** @description 账号列表中的一个账号，含绑定组织的名称 */
        UserAccountListItem: {
            /**
             * @description 绑定的县（市、区）（县级审核人员、财务）
             * @enum {string|null}
             */
            county: "椒江区" | "黄岩区" | "路桥区" | "临海市" | "温岭市" | "玉环市" | "天台县" | "仙居县" | "三门县" | "台州湾新区" | null;
            createdAt: string;
            disabled: boolean;
            displayName: string;
            id: string;
            /** @description 锁定到何时（连续登录失败后）；未锁定为 null */
            lockedUntil: string | null;
            /** @description 绑定的组织（企业用户、评审专家） */
            organizationId: string | null;
            /** @description 绑定组织的名称；未绑定组织为 null */
            organizationName: string | null;
            passwordChangedAt: string;
            /** @enum {string} */
            role: "enterprise" | "county_official" | "city_official" | "finance" | "system_admin" | "security_admin" | "auditor" | "expert" | "leader";
            username: string;
        };
        /** @description 账号列表中的一个账号，含绑定组织的名称 */
        UserAccountListItemInput: {
            /**
             * @description 绑定的县（市、区）（县级审核人员、财务）
             * @enum {string|null}
             */
            county: "椒江区" | "黄岩区" | "路桥区" | "临海市" | "温岭市" | "玉环市" | "天台县" | "仙居县" | "三门县" | "台州湾新区" | null;
            createdAt: string;
            disabled: boolean;
            displayName: string;
            id: string;
            /** @description 锁定到何时（连续登录失败后）；未锁定为 null */
            lockedUntil: string | null;
            /** @description 绑定的组织（企业用户、评审专家） */
            organizationId: string | null;
            /** @description 绑定组织的名称；未绑定组织为 null */
            organizationName: string | null;
            passwordChangedAt: string;
            /** @enum {string} */
            role: "enterprise" | "county_official" | "city_official" | "finance" | "system_admin" | "security_admin" | "auditor" | "expert" | "leader";
            username: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    acceptApplication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 审核意见 */
                    comment?: string;
                    /** @description 确认申领（confirm）时须为 true：承诺名单所列信息属本单位且真实 */
                    commitment?: boolean;
                } | null;
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationStepResult"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    approveApplication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 审核意见 */
                    comment?: string;
                    /** @description 确认申领（confirm）时须为 true：承诺名单所列信息属本单位且真实 */
                    commitment?: boolean;
                } | null;
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationStepResult"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    confirmApplication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 审核意见 */
                    comment?: string;
                    /** @description 确认申领（confirm）时须为 true：承诺名单所列信息属本单位且真实 */
                    commitment?: boolean;
                } | null;
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationStepResult"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    declineApplication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 审核意见 */
                    comment?: string;
                    /** @description 确认申领（confirm）时须为 true：承诺名单所列信息属本单位且真实 */
                    commitment?: boolean;
                } | null;
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationStepResult"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    rejectApplication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 审核意见 */
                    comment?: string;
                    /** @description 确认申领（confirm）时须为 true：承诺名单所列信息属本单位且真实 */
                    commitment?: boolean;
                } | null;
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationStepResult"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    returnApplication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 审核意见 */
                    comment?: string;
                    /** @description 确认申领（confirm）时须为 true：承诺名单所列信息属本单位且真实 */
                    commitment?: boolean;
                } | null;
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationStepResult"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    submitApplication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 审核意见 */
                    comment?: string;
                    /** @description 确认申领（confirm）时须为 true：承诺名单所列信息属本单位且真实 */
                    commitment?: boolean;
                } | null;
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationStepResult"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    withdrawApplication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 审核意见 */
                    comment?: string;
                    /** @description 确认申领（confirm）时须为 true：承诺名单所列信息属本单位且真实 */
                    commitment?: boolean;
                } | null;
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationStepResult"];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
