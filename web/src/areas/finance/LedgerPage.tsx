import { Button, Card, Result, Table, Typography } from "antd";
import { get } from "../../api.ts";
import { beijingTime, Loaded, useLoad } from "../../components/common.tsx";

interface Verification {
  readonly ok: boolean;
  readonly problems: { what: string; detail: string }[];
  readonly postings: number;
}

/** The auditor's ledger check (audit.read): balances equal postings, no overspending, paid once. */
export function LedgerPage() {
  const state = useLoad(async () => ({
    result: await get<Verification>("/api/v1/ledger/verify"),
    at: new Date().toISOString(),
  }));
  return (
    <Card
      title="账簿校验"
      extra={
        <Button
          onClick={() => void state.reload()}
          loading={state.loading}
          data-testid="ledger-verify"
        >
          重新校验
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        由全部记账分录重算每个预算的总额、预留和已付，并核对每项奖励和公共项目款项的资金、有无重复支付。
      </Typography.Paragraph>
      <Loaded state={state}>
        {({ result, at }) =>
          result.ok ? (
            <Result
              status="success"
              title="账簿一致"
              subTitle={`共 ${result.postings} 条记账分录，余额与分录一致，无超支，无重复支付。校验时间 ${beijingTime(at)}`}
              data-testid="ledger-result"
            />
          ) : (
            <>
              <Result
                status="error"
                title={`发现 ${result.problems.length} 个问题`}
                subTitle={`共 ${result.postings} 条记账分录。校验时间 ${beijingTime(at)}。请联系系统管理员核查。`}
                data-testid="ledger-result"
              />
              <Table
                rowKey={(p) => `${p.what}-${p.detail}`}
                size="small"
                pagination={false}
                dataSource={result.problems}
                columns={[
                  { title: "类型", dataIndex: "what", width: 200 },
                  { title: "说明", dataIndex: "detail" },
                ]}
              />
            </>
          )
        }
      </Loaded>
    </Card>
  );
}
