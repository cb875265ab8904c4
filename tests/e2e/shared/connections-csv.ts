// LinkedIn's Connections.csv as it arrives, for the import tests of both browsers: its notes first,
// quoted commas and quotes, one row LinkedIn left blank.
export function connectionsCsv(count: number): string {
  const rows = Array.from(
    { length: count },
    (_, i) =>
      `Person${i},"Surname ${i}, Jr",https://www.linkedin.com/in/imported-person-${i},,Company ${i},"Engineer, ""Platform""",${(i % 28) + 1} May 2024`,
  );
  return [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here: https://www.linkedin.com/help/linkedin/answer/261"',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
    ...rows,
    ',,,,,,12 Jan 2023',
  ].join('\n');
}
