/** The example of the calculation contract, as its outside checks send it. */
export const CONTRACT_EXAMPLE = {
  organization: { uscc: "91331082390996033J", name: "示例科技股份有限公司", county: "临海市" },
  claims: [
    {
      id: "c1",
      item: "1.1.g",
      subject: "品字标证书 ZJM-2023-0001",
      project: "P-1",
      eventDate: "2023-05-01",
      submittedAt: "2023-06-01T10:00:00+08:00",
      facts: { municipalFiling: true, certificate: "first" },
    },
  ],
};
