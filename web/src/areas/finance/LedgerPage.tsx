import { Button, Card, Result, Table, Typography } from "antd";
import { $api } from "../../api/client.ts";
import { beijingTime, QueryView } from "../../components/common.tsx";

/** The auditor's ledger check (audit.read): balances equal postings, no overspending, paid once. */
export function LedgerPage() {
  const check = $api.useQuery("get", "/api/v1/ledger/verify", {}, { staleTime: 0 });
  const at = check.dataUpdatedAt ? new Date(check.dataUpdatedAt).toISOString() : null;
  return (
    <Card
      title="账簿校验"
      extra={
        <Button
          onClick={() => void check.refetch()}
          loading={check.isFetching}
          data-testid="ledger-verify"
        >
          重新校验
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        由全部记账分录重算每个预算的总额、预留和已付，并核对每项奖励和公共项目款项的资金、有无重复支付。
      </Typography.Paragraph>
      <QueryView query={check}>
        {(result) =>
          result.ok ? (
            <Result
              status="success"
              title="账簿一致"
              subTitle={`共 ${result.postings.toLocaleString("zh-CN")} 条记账分录，余额与分录一致，无超支，无重复支付。校验时间 ${beijingTime(at)}`}
              data-testid="ledger-result"
            />
          ) : (
            <>
              <Result
                status="error"
                title={`发现 ${result.problems.length} 个问题`}
                subTitle={`共 ${result.postings.toLocaleString("zh-CN")} 条记账分录。校验时间 ${beijingTime(at)}。请联系系统管理员核查。`}
                data-testid="ledger-result"
              />
              <Table
                rowKey={(p) => `${p.what}-${p.detail}`}
                size="small"
                pagination={false}
                dataSource={result.problems}
                columns={[{ title: "说明", dataIndex: "detail" }]}
              />
            </>
          )
        }
      </QueryView>
    </Card>
  );
}
